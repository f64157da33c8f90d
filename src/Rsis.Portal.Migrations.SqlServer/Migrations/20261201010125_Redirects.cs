using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Redirects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Redirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OldPath = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Target = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Redirects", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Redirects_CreatedAtUtc",
                table: "Redirects",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Redirects_OldPath",
                table: "Redirects",
                column: "OldPath",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Redirects_Target",
                table: "Redirects",
                column: "Target");

            // Today's renames carry over: the publications' old slugs (their own table until now) and the
            // slug changes of authors, categories, series, pages and menu sections read from the audit log (the
            // latest rename of an address wins; an address live now is never redirected).
            migrationBuilder.Sql(@"
INSERT INTO [Redirects] ([OldPath], [Target], [CreatedAtUtc])
SELECT N'/publications/' + s.[Slug] + N'/' + r.[Slug], N'/publications/' + s.[Slug] + N'/' + p.[Slug], r.[CreatedAtUtc]
FROM [SlugRedirects] AS r
JOIN [Publications] AS p ON p.[Id] = r.[PublicationId]
JOIN [Series] AS s ON s.[Id] = p.[SeriesId];

INSERT INTO [Redirects] ([OldPath], [Target], [CreatedAtUtc])
SELECT [OldPath], [Target], [AtUtc]
FROM (
    SELECT m.[OldPath], m.[Target], m.[AtUtc],
        ROW_NUMBER() OVER (PARTITION BY m.[OldPath] ORDER BY m.[AtUtc] DESC, m.[EntryId] DESC) AS [Latest]
    FROM (
    SELECT N'/authors/' + c.[OldValue] AS [OldPath], N'/authors/' + x.[Slug] AS [Target], e.[AtUtc] AS [AtUtc], e.[Id] AS [EntryId]
    FROM [AuditEntries] AS e CROSS APPLY OPENJSON(e.[Changes]) WITH ([Field] nvarchar(100) '$.Field', [OldValue] nvarchar(500) '$.OldValue') AS c
    JOIN [Authors] AS x ON CAST(x.[Id] AS nvarchar(50)) = e.[EntityId]
    WHERE e.[EntityType] = N'Author' AND e.[Action] = 1 AND c.[Field] = N'Slug'
        AND c.[OldValue] IS NOT NULL AND c.[OldValue] <> '' AND x.[Slug] <> ''
    UNION ALL
    SELECT N'/categories/' + c.[OldValue] AS [OldPath], N'/categories/' + x.[Slug] AS [Target], e.[AtUtc] AS [AtUtc], e.[Id] AS [EntryId]
    FROM [AuditEntries] AS e CROSS APPLY OPENJSON(e.[Changes]) WITH ([Field] nvarchar(100) '$.Field', [OldValue] nvarchar(500) '$.OldValue') AS c
    JOIN [Categories] AS x ON CAST(x.[Id] AS nvarchar(50)) = e.[EntityId]
    WHERE e.[EntityType] = N'Category' AND e.[Action] = 1 AND c.[Field] = N'Slug'
        AND c.[OldValue] IS NOT NULL AND c.[OldValue] <> '' AND x.[Slug] <> ''
    UNION ALL
    SELECT N'/publications/' + c.[OldValue] AS [OldPath], N'/publications/' + x.[Slug] AS [Target], e.[AtUtc] AS [AtUtc], e.[Id] AS [EntryId]
    FROM [AuditEntries] AS e CROSS APPLY OPENJSON(e.[Changes]) WITH ([Field] nvarchar(100) '$.Field', [OldValue] nvarchar(500) '$.OldValue') AS c
    JOIN [Series] AS x ON CAST(x.[Id] AS nvarchar(50)) = e.[EntityId]
    WHERE e.[EntityType] = N'Series' AND e.[Action] = 1 AND c.[Field] = N'Slug'
        AND c.[OldValue] IS NOT NULL AND c.[OldValue] <> '' AND x.[Slug] <> ''
    UNION ALL
    SELECT N'/' + c.[OldValue] AS [OldPath], N'/' + x.[Slug] AS [Target], e.[AtUtc] AS [AtUtc], e.[Id] AS [EntryId]
    FROM [AuditEntries] AS e CROSS APPLY OPENJSON(e.[Changes]) WITH ([Field] nvarchar(100) '$.Field', [OldValue] nvarchar(500) '$.OldValue') AS c
    JOIN [Pages] AS x ON CAST(x.[Id] AS nvarchar(50)) = e.[EntityId]
    WHERE e.[EntityType] = N'Page' AND e.[Action] = 1 AND c.[Field] = N'Slug'
        AND c.[OldValue] IS NOT NULL AND c.[OldValue] <> '' AND x.[Slug] <> ''
    UNION ALL
    SELECT N'' + c.[OldValue] AS [OldPath], N'/' + x.[Slug] AS [Target], e.[AtUtc] AS [AtUtc], e.[Id] AS [EntryId]
    FROM [AuditEntries] AS e CROSS APPLY OPENJSON(e.[Changes]) WITH ([Field] nvarchar(100) '$.Field', [OldValue] nvarchar(500) '$.OldValue') AS c
    JOIN [MenuItems] AS x ON CAST(x.[Id] AS nvarchar(50)) = e.[EntityId]
    WHERE e.[EntityType] = N'MenuItem' AND e.[Action] = 1 AND c.[Field] = N'Address'
        AND c.[OldValue] IS NOT NULL AND c.[OldValue] <> '' AND x.[IsVisible] = 1 AND x.[Slug] <> ''
    ) AS m
    WHERE NOT EXISTS (SELECT 1 FROM [Authors] AS a WHERE N'/authors/' + a.[Slug] = m.[OldPath])
        AND NOT EXISTS (SELECT 1 FROM [Categories] AS a WHERE N'/categories/' + a.[Slug] = m.[OldPath])
        AND NOT EXISTS (SELECT 1 FROM [Series] AS a WHERE N'/publications/' + a.[Slug] = m.[OldPath])
        AND NOT EXISTS (SELECT 1 FROM [Pages] AS a WHERE N'/' + a.[Slug] = m.[OldPath])
        AND NOT EXISTS (SELECT 1 FROM [MenuItems] AS a WHERE N'/' + a.[Slug] = m.[OldPath])
        AND m.[OldPath] <> m.[Target]
) AS ranked
WHERE [Latest] = 1;
");

            migrationBuilder.DropTable(
                name: "SlugRedirects");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Redirects");

            migrationBuilder.CreateTable(
                name: "SlugRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PublicationId = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlugRedirects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlugRedirects_Publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "Publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SlugRedirects_PublicationId",
                table: "SlugRedirects",
                column: "PublicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SlugRedirects_Slug",
                table: "SlugRedirects",
                column: "Slug",
                unique: true);
        }
    }
}
