using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MenuEntriesOpenAuthorsAndCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite adds a column with its foreign key in place. EF's AddForeignKey would rebuild MenuItems with
            // foreign keys switched off, outside the migration's transaction.
            migrationBuilder.Sql(
                "ALTER TABLE \"MenuItems\" ADD COLUMN \"AuthorId\" INTEGER NULL " +
                "CONSTRAINT \"FK_MenuItems_Authors_AuthorId\" REFERENCES \"Authors\" (\"Id\") ON DELETE SET NULL;");
            migrationBuilder.Sql(
                "ALTER TABLE \"MenuItems\" ADD COLUMN \"CategoryId\" INTEGER NULL " +
                "CONSTRAINT \"FK_MenuItems_Categories_CategoryId\" REFERENCES \"Categories\" (\"Id\") ON DELETE SET NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_MenuItems_AuthorId",
                table: "MenuItems",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_MenuItems_CategoryId",
                table: "MenuItems",
                column: "CategoryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MenuItems_Authors_AuthorId",
                table: "MenuItems");

            migrationBuilder.DropForeignKey(
                name: "FK_MenuItems_Categories_CategoryId",
                table: "MenuItems");

            migrationBuilder.DropIndex(
                name: "IX_MenuItems_AuthorId",
                table: "MenuItems");

            migrationBuilder.DropIndex(
                name: "IX_MenuItems_CategoryId",
                table: "MenuItems");

            migrationBuilder.DropColumn(
                name: "AuthorId",
                table: "MenuItems");

            migrationBuilder.DropColumn(
                name: "CategoryId",
                table: "MenuItems");
        }
    }
}
