using System.Text;

namespace Rsis.Portal.Application.Feedback.ExportFeedback;

/// <summary>
/// CSV as RFC 4180 writes it (commas, quotes and line breaks inside quoted cells, CRLF between records), and
/// safe to open in a spreadsheet: a cell that starts like a formula gets a leading apostrophe, so
/// "=HYPERLINK(…)" from a reader stays text instead of running.
/// </summary>
public static class FeedbackCsv
{
    public const string LineBreak = "\r\n";

    public static readonly IReadOnlyList<string> Header =
        ["Id", "Submitted (UTC)", "Rating", "Liked", "Could be better", "Email", "Page", "User agent"];

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedQuotes = [',', '"', '\r', '\n'];

    public static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(Cell));

    public static string Line(FeedbackExportRow row) => Line(
    [
        row.Id.ToString(CultureInfo.InvariantCulture),
        row.SubmittedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        row.Rating.ToString(CultureInfo.InvariantCulture),
        row.Liked,
        row.CouldImprove,
        row.Email,
        row.PagePath,
        row.UserAgent,
    ]);

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = FormulaStarts.Contains(value[0]) ? "'" + value : value;
        if (text.IndexOfAny(NeedQuotes) < 0)
        {
            return text;
        }

        return new StringBuilder(text.Length + 2).Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
