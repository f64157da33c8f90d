using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A second, small FTS5 index beside PublicationSearchIndex: each publication's title, code, synopsis,
    /// author names and categories, without the body. Search ranks a match in the title or code first and
    /// one in the synopsis, authors or categories next; asking the main index "which matches have every
    /// word in the title?" reads the positions of every occurrence of a word in every body (millions, for
    /// a common word), where this index holds a few per publication. The search triggers are made again to
    /// keep both indexes (and PublicationSearchVersion) current.
    /// </summary>
    public partial class PublicationSearchSummary : Migration
    {
        private const string Index = "\"PublicationSearchIndex\"";
        private const string Summary = "\"PublicationSearchSummary\"";
        private const string Bump = "UPDATE \"PublicationSearchVersion\" SET \"Version\" = \"Version\" + 1;";

        private static readonly string[] Triggers =
        [
            "PublicationInserted", "PublicationTextUpdated", "PublicationStateUpdated", "PublicationDeleted",
            "PublicationAuthorsInserted", "PublicationAuthorsDeleted", "PublicationAuthorsUpdated",
            "PublicationCategoriesInserted", "PublicationCategoriesDeleted", "PublicationCategoriesUpdated",
            "AuthorRenamed", "CategoryRenamed",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE {Summary} USING fts5(
                    "Title", "Code", "Synopsis", "Authors", "Categories",
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            DropTriggers(migrationBuilder);
            CreateTriggers(migrationBuilder, withSummary: true);

            // Only the new index is filled; the main one is already current. Merged into one segment, as
            // FTS5 would do by itself over many later writes.
            migrationBuilder.Sql($"""
                INSERT INTO {Summary}(rowid, "Title", "Code", "Synopsis", "Authors", "Categories")
                SELECT "Id", "Title", "Code", "Synopsis", "Authors", "Categories" FROM ({Text});
                """);
            migrationBuilder.Sql($"INSERT INTO {Summary}({Summary}) VALUES ('optimize');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropTriggers(migrationBuilder);
            CreateTriggers(migrationBuilder, withSummary: false);
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {Summary};");
        }

        private static void DropTriggers(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"PublicationSearch_{trigger}\";");
            }
        }

        /// <summary>The triggers of PublicationSearchIndex, keeping the summary index too when <paramref name="withSummary"/>.</summary>
        private static void CreateTriggers(MigrationBuilder migrationBuilder, bool withSummary)
        {
            string Reindexed(string ids) => Reindex(ids, withSummary);
            var deleteSummary = withSummary ? $"DELETE FROM {Summary} WHERE rowid = old.\"Id\";" : "";

            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PublicationInserted" AFTER INSERT ON "Publications"
                BEGIN
                    {Reindexed("new.\"Id\"")}
                    {Bump}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PublicationTextUpdated"
                AFTER UPDATE OF "Id", "Title", "Code", "Synopsis", "Body" ON "Publications"
                BEGIN
                    DELETE FROM {Index} WHERE rowid = old."Id";
                    {deleteSummary}
                    {Reindexed("new.\"Id\"")}
                    {Bump}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PublicationStateUpdated"
                AFTER UPDATE OF "Status", "PublishAtUtc", "SeriesId", "PublishedOn" ON "Publications"
                BEGIN {Bump} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PublicationDeleted" AFTER DELETE ON "Publications"
                BEGIN
                    DELETE FROM {Index} WHERE rowid = old."Id";
                    {deleteSummary}
                    {Bump}
                END;
                """);

            foreach (var (table, column) in new[] { ("PublicationAuthors", "AuthorId"), ("PublicationCategories", "CategoryId") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "PublicationSearch_{table}Inserted" AFTER INSERT ON "{table}"
                    BEGIN
                        {Reindexed("new.\"PublicationId\"")}
                        {Bump}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "PublicationSearch_{table}Deleted" AFTER DELETE ON "{table}"
                    BEGIN
                        {Reindexed("old.\"PublicationId\"")}
                        {Bump}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "PublicationSearch_{table}Updated" AFTER UPDATE OF "PublicationId", "{column}" ON "{table}"
                    BEGIN
                        {Reindexed("old.\"PublicationId\"")}
                        {Reindexed("new.\"PublicationId\"")}
                        {Bump}
                    END;
                    """);
            }

            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_AuthorRenamed" AFTER UPDATE OF "Name" ON "Authors"
                BEGIN {Reindexed("SELECT \"PublicationId\" FROM \"PublicationAuthors\" WHERE \"AuthorId\" = new.\"Id\"")} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_CategoryRenamed" AFTER UPDATE OF "Name" ON "Categories"
                BEGIN {Reindexed("SELECT \"PublicationId\" FROM \"PublicationCategories\" WHERE \"CategoryId\" = new.\"Id\"")} END;
                """);
        }

        /// <summary>Every publication's indexed text, as the indexes hold it (columns named as theirs).</summary>
        private const string Text = """
                SELECT p."Id" AS "Id", p."Title" AS "Title",
                       p."Code" || ' ' || ltrim(p."Code", 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') AS "Code",
                       p."Synopsis" AS "Synopsis", p."Body" AS "Body",
                       coalesce((SELECT group_concat(a."Name", '; ')
                                 FROM "PublicationAuthors" pa JOIN "Authors" a ON a."Id" = pa."AuthorId"
                                 WHERE pa."PublicationId" = p."Id"), '') AS "Authors",
                       coalesce((SELECT group_concat(c."Name", '; ')
                                 FROM "PublicationCategories" pc JOIN "Categories" c ON c."Id" = pc."CategoryId"
                                 WHERE pc."PublicationId" = p."Id"), '') AS "Categories"
                FROM "Publications" p
                """;

        /// <summary>
        /// Replaces the index rows of the publications <paramref name="ids"/> (a value or a SELECT of ids) with
        /// their current text, in the main index and, when <paramref name="withSummary"/>, the summary index.
        /// </summary>
        private static string Reindex(string ids, bool withSummary)
        {
            var main = $"""
                DELETE FROM {Index} WHERE rowid IN ({ids});
                INSERT INTO {Index}(rowid, "Title", "Code", "Synopsis", "Body", "Authors", "Categories")
                SELECT "Id", "Title", "Code", "Synopsis", "Body", "Authors", "Categories" FROM ({Text} WHERE p."Id" IN ({ids}));
                """;
            return !withSummary ? main : main + $"""

                DELETE FROM {Summary} WHERE rowid IN ({ids});
                INSERT INTO {Summary}(rowid, "Title", "Code", "Synopsis", "Authors", "Categories")
                SELECT "Id", "Title", "Code", "Synopsis", "Authors", "Categories" FROM ({Text} WHERE p."Id" IN ({ids}));
                """;
        }
    }
}
