using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The text of uploaded PDFs in search: <c>PublicationPdfSearchIndex</c>, an FTS5 table of its own (rowid =
    /// PublicationId), kept current by triggers on PublicationPdfs, so the background reader's save of the text,
    /// a replaced file (its text cleared until read again) and a removed one reach search in the same
    /// transaction. A table of its own rather than a column of PublicationSearchIndex: a report's megabyte of
    /// text would weigh in bm25 against the article's own words, and search ranks PDF-only matches last anyway.
    /// Uploads made before this migration are queued for reading. Like the other search tables it is outside the
    /// EF model: a later migration that rebuilds PublicationPdfs must create these triggers again.
    /// </summary>
    public partial class PdfTextSearch : Migration
    {
        private const string Index = "\"PublicationPdfSearchIndex\"";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE {Index} USING fts5("Text", tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            // Only uploaded PDFs have text; a typeset one coming or going leaves the index alone.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PdfInserted" AFTER INSERT ON "PublicationPdfs"
                WHEN new."ExtractedText" IS NOT NULL
                BEGIN {Reindex("new.\"PublicationId\"")} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PdfTextUpdated" AFTER UPDATE OF "PublicationId", "ExtractedText" ON "PublicationPdfs"
                BEGIN
                    {Reindex("old.\"PublicationId\"")}
                    {Reindex("new.\"PublicationId\"")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "PublicationSearch_PdfDeleted" AFTER DELETE ON "PublicationPdfs"
                WHEN old."ExtractedText" IS NOT NULL
                BEGIN {Reindex("old.\"PublicationId\"")} END;
                """);
            migrationBuilder.Sql(QueueUploads);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "PdfInserted", "PdfTextUpdated", "PdfDeleted" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"PublicationSearch_{trigger}\";");
            }

            migrationBuilder.Sql($"DROP TABLE IF EXISTS {Index};");
        }

        /// <summary>Uploaded PDFs (Source 1) not yet read are marked Pending (1) for the background reader.</summary>
        private const string QueueUploads = """
            UPDATE "PublicationPdfs" SET "TextStatus" = 1 WHERE "Source" = 1 AND "TextStatus" = 0;
            """;

        /// <summary>Replaces the index row of the publication <paramref name="id"/> with its uploaded PDF's current text.</summary>
        private static string Reindex(string id) => $"""
            DELETE FROM {Index} WHERE rowid = {id};
            INSERT INTO {Index}(rowid, "Text")
            SELECT "PublicationId", "ExtractedText" FROM "PublicationPdfs"
            WHERE "PublicationId" = {id} AND "Source" = 1 AND "ExtractedText" IS NOT NULL;
            """;
    }
}
