using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ListingsWithoutTheTrash : Migration
    {
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
        }
    }
}
