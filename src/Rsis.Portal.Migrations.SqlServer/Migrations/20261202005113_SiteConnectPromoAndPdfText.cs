using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SiteConnectPromoAndPdfText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "SiteSettings",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<byte[]>(
                name: "PromoImage",
                table: "SiteSettings",
                type: "varbinary(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PromoImageContentType",
                table: "SiteSettings",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PromoTitle",
                table: "SiteSettings",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PromoUrl",
                table: "SiteSettings",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ExtractedText",
                table: "PublicationPdfs",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TextStatus",
                table: "PublicationPdfs",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "PromoImage",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "PromoImageContentType",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "PromoTitle",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "PromoUrl",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "ExtractedText",
                table: "PublicationPdfs");

            migrationBuilder.DropColumn(
                name: "TextStatus",
                table: "PublicationPdfs");
        }
    }
}
