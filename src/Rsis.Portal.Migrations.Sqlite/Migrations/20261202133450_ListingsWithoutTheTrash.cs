using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The Trash's column reaches what reads every publication: the two listing indexes gain it after the status, as
    /// the query filter reads it; the search's narrow index (IX_Publications_Search, outside the EF
    /// model) gains the column, so the snapshot can leave the Trash out of a search's count without reading
    /// the rows; and moving a publication to the Trash or back bumps PublicationSearchVersion like any other
    /// change of who may see it.
    /// </summary>
    public partial class ListingsWithoutTheTrash : Migration
    {
        private const string Bump = "UPDATE \"PublicationSearchVersion\" SET \"Version\" = \"Version\" + 1;";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Publications_SeriesId_Status_PublishedOn_Code_PublishAtUtc",
                table: "Publications");

            migrationBuilder.DropIndex(
                name: "IX_Publications_Status_PublishedOn_Code_PublishAtUtc",
                table: "Publications");

            migrationBuilder.CreateIndex(
                name: "IX_Publications_SeriesId_Status_DeletedAtUtc_PublishedOn_Code_PublishAtUtc",
                table: "Publications",
                columns: new[] { "SeriesId", "Status", "DeletedAtUtc", "PublishedOn", "Code", "PublishAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Publications_Status_DeletedAtUtc_PublishedOn_Code_PublishAtUtc",
                table: "Publications",
                columns: new[] { "Status", "DeletedAtUtc", "PublishedOn", "Code", "PublishAtUtc" });

            SearchIndexAndTrigger(migrationBuilder, "\"PublishAtUtc\", \"SeriesId\", \"PublishedOn\", \"Code\", \"DeletedAtUtc\"",
                "\"Status\", \"PublishAtUtc\", \"SeriesId\", \"PublishedOn\", \"DeletedAtUtc\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Publications_SeriesId_Status_DeletedAtUtc_PublishedOn_Code_PublishAtUtc",
                table: "Publications");

            migrationBuilder.DropIndex(
                name: "IX_Publications_Status_DeletedAtUtc_PublishedOn_Code_PublishAtUtc",
                table: "Publications");

            migrationBuilder.CreateIndex(
                name: "IX_Publications_SeriesId_Status_PublishedOn_Code_PublishAtUtc",
                table: "Publications",
                columns: new[] { "SeriesId", "Status", "PublishedOn", "Code", "PublishAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Publications_Status_PublishedOn_Code_PublishAtUtc",
                table: "Publications",
                columns: new[] { "Status", "PublishedOn", "Code", "PublishAtUtc" });

            SearchIndexAndTrigger(migrationBuilder, "\"PublishAtUtc\", \"SeriesId\", \"PublishedOn\", \"Code\"",
                "\"Status\", \"PublishAtUtc\", \"SeriesId\", \"PublishedOn\"");
        }

        /// <summary>The search's narrow index after (Status, Id), and the columns whose change bumps the search version.</summary>
        private static void SearchIndexAndTrigger(MigrationBuilder migrationBuilder, string indexColumns, string stateColumns)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Publications_Search\";");
            migrationBuilder.Sql($"""
                CREATE INDEX "IX_Publications_Search"
                ON "Publications" ("Status", "Id", {indexColumns});
                """);
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"PublicationSearch_PublicationStateUpdated\";");
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PublicationStateUpdated"
                AFTER UPDATE OF {stateColumns} ON "Publications"
                BEGIN {Bump} END;
                """);
        }

    }
}
