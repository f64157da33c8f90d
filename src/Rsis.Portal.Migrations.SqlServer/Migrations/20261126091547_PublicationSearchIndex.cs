using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// The SQLite migration of this name creates the FTS5 search index. SQL Server searches with LIKE
    /// (Rsis.Portal.Infrastructure/Search/LikePublicationSearch.cs: full-text search needs a catalog that
    /// not every SQL Server has), which needs nothing in the schema; this migration keeps the two
    /// providers' migration lists the same.
    /// </summary>
    public partial class PublicationSearchIndex : Migration
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
