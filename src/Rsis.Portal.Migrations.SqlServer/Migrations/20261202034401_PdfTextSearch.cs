using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// The SQLite migration of this name adds an FTS5 index of the text of uploaded PDFs. SQL Server's LIKE search
    /// (Rsis.Portal.Infrastructure/Search/LikePublicationSearch.cs) reads PublicationPdfs.ExtractedText itself;
    /// here uploads made before this migration are only queued for the background reader.
    /// </summary>
    public partial class PdfTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Uploaded PDFs (Source 1) not yet read become Pending (1).
            migrationBuilder.Sql("UPDATE [PublicationPdfs] SET [TextStatus] = 1 WHERE [Source] = 1 AND [TextStatus] = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
