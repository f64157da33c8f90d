using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The full-text index of publications (SQLite FTS5), outside the EF model: one row per publication,
    /// rowid = Publications.Id, with its title, code, synopsis, body, author names and category names.
    /// Triggers on the tables behind those columns keep it current in the same transaction as any save,
    /// whoever saves (the admin area through EF, seeding, SQL by hand). Drafts are indexed too; readers'
    /// queries join back to Publications and apply visibility there, so publishing needs no reindex.
    /// </summary>
    public partial class PublicationSearchIndex : Migration
    {
        private const string Index = "\"PublicationSearchIndex\"";

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

            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PublicationInserted" AFTER INSERT ON "Publications"
                BEGIN {Reindex("new.\"Id\"")} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PublicationUpdated"
                AFTER UPDATE OF "Id", "Title", "Code", "Synopsis", "Body" ON "Publications"
                BEGIN
                    DELETE FROM {Index} WHERE rowid = old."Id";
                    {Reindex("new.\"Id\"")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PublicationDeleted" AFTER DELETE ON "Publications"
                BEGIN DELETE FROM {Index} WHERE rowid = old."Id"; END;
                """);

            foreach (var (table, column) in new[] { ("PublicationAuthors", "AuthorId"), ("PublicationCategories", "CategoryId") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "PublicationSearch_{table}Inserted" AFTER INSERT ON "{table}"
                    BEGIN {Reindex("new.\"PublicationId\"")} END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "PublicationSearch_{table}Deleted" AFTER DELETE ON "{table}"
                    BEGIN {Reindex("old.\"PublicationId\"")} END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "PublicationSearch_{table}Updated" AFTER UPDATE OF "PublicationId", "{column}" ON "{table}"
                    BEGIN
                        {Reindex("old.\"PublicationId\"")}
                        {Reindex("new.\"PublicationId\"")}
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[]
            {
                "PublicationInserted", "PublicationUpdated", "PublicationDeleted",
                "PublicationAuthorsInserted", "PublicationAuthorsDeleted", "PublicationAuthorsUpdated",
                "PublicationCategoriesInserted", "PublicationCategoriesDeleted", "PublicationCategoriesUpdated",
                "AuthorRenamed", "CategoryRenamed",
            })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"PublicationSearch_{trigger}\";");
            }

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
