using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// The SQLite migration of this name adds a second FTS5 index used to rank matches. SQL Server's LIKE
    /// search (Rsis.Portal.Infrastructure/Search/LikePublicationSearch.cs) needs nothing in the schema; this
    /// migration keeps the two providers' migration lists the same.
    /// </summary>
    public partial class PublicationSearchSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
