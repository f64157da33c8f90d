using System.Globalization;
using Rsis.Portal.Application.Publications.GetPublicationPdf;
using static Rsis.Portal.Infrastructure.Pdf.PublicationStyles;

namespace Rsis.Portal.Infrastructure.Pdf;

/// <summary>
/// The order of a publication's PDF, as the school prints a commentary: series and code, title, authors and
/// date; the synopsis; the commentary; about the author; then the categories and where to read it online.
/// </summary>
internal static class PublicationFlow
{
    public static IReadOnlyList<PublicationBlock> Build(PublicationDocument document)
    {
        var baseUrl = Uri.TryCreate(document.CanonicalUrl, UriKind.Absolute, out var canonical) ? canonical : null;
        var blocks = new List<PublicationBlock>();

        var seriesLine = string.Join(" \u00B7 ", new[] { document.SeriesName, document.Code }.Where(s => !string.IsNullOrWhiteSpace(s)));
        Add(blocks, SeriesLine, seriesLine);
        Add(blocks, Title, document.Title);
        Add(blocks, Authors, JoinNames(document.Authors));
        Add(blocks, Date, document.PublishedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        blocks.Add(new RuleBlock(SpaceBefore: 14, SpaceAfter: 0, Thickness: 0.6, Hairline));

        if (!string.IsNullOrWhiteSpace(document.Synopsis))
        {
            Add(blocks, SectionHeading, "Synopsis");
            foreach (var paragraph in Paragraphs(document.Synopsis))
            {
                Add(blocks, Synopsis, paragraph);
            }
        }

        var body = MarkdownBlockReader.Read(document.BodyMarkdown, Body, baseUrl);
        if (body.Count > 0)
        {
            Add(blocks, SectionHeading, "Commentary");
            blocks.AddRange(body);
        }

        var note = MarkdownBlockReader.Read(document.AboutTheAuthorsMarkdown, Note, baseUrl);
        if (note.Count > 0)
        {
            Add(blocks, SectionHeading, document.Authors.Count > 1 ? "About the Authors" : "About the Author");
            blocks.AddRange(note);
        }

        blocks.Add(new RuleBlock(SpaceBefore: 18, SpaceAfter: 8, Thickness: 0.6, Hairline));
        if (document.Categories.Count > 0)
        {
            blocks.Add(new TextBlock(
                [new TextRun("Categories: ", RunEmphasis.Bold), new TextRun(string.Join(", ", document.Categories))],
                Closing));
        }

        if (MarkdownBlockReader.SafeLink(document.CanonicalUrl, baseUrl: null) is { } url)
        {
            blocks.Add(new TextBlock([new TextRun("Read online: ", RunEmphasis.Bold), new TextRun(document.CanonicalUrl.Trim(), Link: url)], Closing));
        }

        return blocks;
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    internal static string JoinNames(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    private static string[] Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Add(List<PublicationBlock> blocks, BlockStyle style, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            blocks.Add(new TextBlock([new TextRun(text.Trim())], style));
        }
    }
}
