using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Rsis.Portal.Application.Publications.GetPublicationPdf;
using Rsis.Portal.Infrastructure.Pdf;
using Rsis.Portal.Infrastructure.Seeding;
using UglyToad.PdfPig;

namespace Rsis.Portal.UnitTests.Pdf;

/// <summary>The publications the PDF tests render, and how they read the PDFs back (PdfPig).</summary>
internal static partial class SamplePublications
{
    public const string SchoolName = "S. Rajaratnam School of International Studies";

    /// <summary>300 letters with no space; drawn from letters no other word in the test documents is made of only.</summary>
    public static readonly string LongWord = string.Concat(Enumerable.Range(0, 300).Select(i => "QXZJK"[i * 3 % 5]));

    public static readonly PublicationPdfRenderer Renderer = new();

    private static readonly Lazy<byte[]> Co13046Pdf = new(() => Renderer.Render(Co13046()));

    public static SeedPublication Co13046Seed { get; } = new SeedData().Publications[0];

    public static PublicationDocument Co13046() => new(
        SchoolName,
        "RSIS Commentary Series",
        Co13046Seed.Code,
        Co13046Seed.Title,
        ["C. Raja Mohan"],
        Co13046Seed.PublishedOn,
        Co13046Seed.Synopsis,
        Co13046Seed.Body,
        Co13046Seed.AboutTheAuthors,
        ["RSIS Commentary Series"],
        "https://www.rsis.edu.sg/publications/rsis-commentary-series/" + Co13046Seed.Slug);

    /// <summary>CO13046's PDF, rendered once for the tests that only read it.</summary>
    public static PdfDocument OpenCo13046() => PdfDocument.Open(Co13046Pdf.Value);

    public static PublicationDocument WithBody(string bodyMarkdown) => Co13046() with { BodyMarkdown = bodyMarkdown };

    /// <summary>
    /// About 6,000 numbered words ("w0001 w0002 …") in long paragraphs of uneven length, a "##" heading every
    /// few paragraphs and <see cref="LongWord"/> in the middle; <paramref name="words"/> is the reading order.
    /// </summary>
    public static string LongBody(out IReadOnlyList<string> words)
    {
        var markdown = new StringBuilder();
        var order = new List<string>();
        var number = 0;
        for (var paragraph = 0; number < 6000; paragraph++)
        {
            if (paragraph > 0 && paragraph % 3 == 0)
            {
                markdown.Append(CultureInfo.InvariantCulture, $"## Part {paragraph / 3}\n\n");
            }

            var length = Math.Min(150 + (paragraph * 97 % 420), 6000 - number);
            for (var k = 0; k < length; k++)
            {
                number++;
                var word = string.Create(CultureInfo.InvariantCulture, $"w{number:D4}");
                order.Add(word);
                markdown.Append(word).Append(' ');
                if (number == 2500)
                {
                    order.Add(LongWord);
                    markdown.Append(LongWord).Append(' ');
                }
            }

            markdown.Append("\n\n");
        }

        words = order;
        return markdown.ToString();
    }

    /// <summary>All pages' text, whitespace collapsed to single spaces.</summary>
    public static string Text(PdfDocument pdf) => Normalise(string.Join(" ", pdf.GetPages().Select(p => p.Text)));

    public static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
