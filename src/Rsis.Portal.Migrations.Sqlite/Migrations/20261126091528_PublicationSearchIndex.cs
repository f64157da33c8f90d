using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The search of publications (SQLite FTS5), outside the EF model:
    /// <list type="bullet">
    /// <item><c>PublicationSearchIndex</c>: one FTS5 row per publication, rowid = Publications.Id, with its
    /// title, code, synopsis, body, author names and category names;</item>
    /// <item><c>PublicationSearchVersion</c>: one number, bumped by every change a search's filters and
    /// counts depend on, so every app node knows when to reload what it keeps in memory;</item>
    /// <item>triggers on Publications, PublicationAuthors, PublicationCategories, Authors and Categories that
    /// keep both current in the same transaction as any save, whoever saves (the admin area through EF,
    /// seeding, SQL by hand);</item>
    /// <item><c>IX_Publications_Search</c>: the narrow columns a search reads of every publication.</item>
    /// </list>
    /// Drafts are indexed too; queries apply visibility, so publishing needs no reindex. None of this is in
    /// the EF model, so a later migration that rebuilds one of these tables (SQLite's way of altering a
    /// column) drops the triggers and the index with it and must create them again; the search tests fail
    /// if it does not.
    /// </summary>
    public partial class PublicationSearchIndex : Migration
    {
        private const string Index = "\"PublicationSearchIndex\"";
        private const string Bump = "UPDATE \"PublicationSearchVersion\" SET \"Version\" = \"Version\" + 1;";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Porter stemming: "attacks" finds "attack"; remove_diacritics: "Sofía" finds "Sofia".
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE {Index} USING fts5(
                    "Title", "Code", "Synopsis", "Body", "Authors", "Categories",
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);

            // bm25 weights by column: title and code far above authors, synopsis and categories, the body last.
            migrationBuilder.Sql($"""
                INSERT INTO {Index}({Index}, rank) VALUES ('rank', 'bm25(10.0, 10.0, 4.0, 1.0, 6.0, 3.0)');
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "PublicationSearchVersion" (
                    "Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1),
                    "Version" INTEGER NOT NULL);
                """);
            migrationBuilder.Sql("""INSERT INTO "PublicationSearchVersion" ("Id", "Version") VALUES (1, 1);""");

            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PublicationInserted" AFTER INSERT ON "Publications"
                BEGIN
                    {Reindex("new.\"Id\"")}
                    {Bump}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PublicationTextUpdated"
                AFTER UPDATE OF "Id", "Title", "Code", "Synopsis", "Body" ON "Publications"
                BEGIN
                    DELETE FROM {Index} WHERE rowid = old."Id";
                    {Reindex("new.\"Id\"")}
                    {Bump}
                END;
                """);
            // Publishing, scheduling, moving to another series or date: the text stays, the filters change.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PublicationStateUpdated"
                AFTER UPDATE OF "Status", "PublishAtUtc", "SeriesId", "PublishedOn" ON "Publications"
                BEGIN {Bump} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PublicationDeleted" AFTER DELETE ON "Publications"
                BEGIN
                    DELETE FROM {Index} WHERE rowid = old."Id";
                    {Bump}
                END;
                """);

            foreach (var (table, column) in new[] { ("PublicationAuthors", "AuthorId"), ("PublicationCategories", "CategoryId") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "PublicationSearch_{table}Inserted" AFTER INSERT ON "{table}"
                    BEGIN
                        {Reindex("new.\"PublicationId\"")}
                        {Bump}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "PublicationSearch_{table}Deleted" AFTER DELETE ON "{table}"
                    BEGIN
                        {Reindex("old.\"PublicationId\"")}
                        {Bump}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "PublicationSearch_{table}Updated" AFTER UPDATE OF "PublicationId", "{column}" ON "{table}"
                    BEGIN
                        {Reindex("old.\"PublicationId\"")}
                        {Reindex("new.\"PublicationId\"")}
                        {Bump}
                    END;
                    """);
            }

            // A renamed author or category changes the text of every publication that names it.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_AuthorRenamed" AFTER UPDATE OF "Name" ON "Authors"
                BEGIN {Reindex("SELECT \"PublicationId\" FROM \"PublicationAuthors\" WHERE \"AuthorId\" = new.\"Id\"")} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_CategoryRenamed" AFTER UPDATE OF "Name" ON "Categories"
                BEGIN {Reindex("SELECT \"PublicationId\" FROM \"PublicationCategories\" WHERE \"CategoryId\" = new.\"Id\"")} END;
                """);

            // Publications saved before this migration.
            migrationBuilder.Sql(Reindex("SELECT \"Id\" FROM \"Publications\""));

            // What a search reads of every publication, in a narrow index: reading it for 100,000
            // publications touches a few megabytes instead of every wide row of text.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Publications_Search"
                ON "Publications" ("Status", "Id", "PublishAtUtc", "SeriesId", "PublishedOn", "Code");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[]
            {
                "PublicationInserted", "PublicationTextUpdated", "PublicationStateUpdated", "PublicationDeleted",
                "PublicationAuthorsInserted", "PublicationAuthorsDeleted", "PublicationAuthorsUpdated",
                "PublicationCategoriesInserted", "PublicationCategoriesDeleted", "PublicationCategoriesUpdated",
                "AuthorRenamed", "CategoryRenamed",
            })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"PublicationSearch_{trigger}\";");
            }

            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Publications_Search\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"PublicationSearchVersion\";");
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {Index};");
        }

        /// <summary>
        /// Replaces the index rows of the publications <paramref name="ids"/> (a value or a SELECT of ids)
        /// with their current text. A publication that no longer exists simply gets no row.
        /// The code is indexed with its number alone as well, so "13046" finds CO13046.
        /// </summary>
        private static string Reindex(string ids) => $"""
            DELETE FROM {Index} WHERE rowid IN ({ids});
            INSERT INTO {Index}(rowid, "Title", "Code", "Synopsis", "Body", "Authors", "Categories")
            SELECT p."Id", p."Title",
                   p."Code" || ' ' || ltrim(p."Code", 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
                   p."Synopsis", p."Body",
                   coalesce((SELECT group_concat(a."Name", '; ')
                             FROM "PublicationAuthors" pa JOIN "Authors" a ON a."Id" = pa."AuthorId"
                             WHERE pa."PublicationId" = p."Id"), ''),
                   coalesce((SELECT group_concat(c."Name", '; ')
                             FROM "PublicationCategories" pc JOIN "Categories" c ON c."Id" = pc."CategoryId"
                             WHERE pc."PublicationId" = p."Id"), '')
            FROM "Publications" p
            WHERE p."Id" IN ({ids});
            """;
    }
}
