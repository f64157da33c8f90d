using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rsis.Portal.Application.Publications.ExtractPdfText;
using UglyToad.PdfPig;

namespace Rsis.Portal.Infrastructure.Pdf;

/// <summary>
/// Reads an uploaded PDF's words with PdfPig, page by page. A scan has pages that are only images and gives no
/// words; it is not OCR'd. A damaged or password-protected file gives none either, rather than an exception
/// that would make the background reader try it again at every turn.
/// </summary>
internal sealed class PdfTextExtractor : IPdfTextExtractor
{
    /// <summary>
    /// At most this many characters are kept (about 150,000 words, a 500-page report; 2 MB in SQLite's UTF-8 or
    /// SQL Server's UTF-16 at most): enough for a reader to find any report by its words, while a PDF of tables or
    /// an appendix of data cannot swell the search index by tens of megabytes. The rest is not searchable.
    /// </summary>
    public const int MaxTextLength = 1_000_000;

    /// <summary>A file that takes longer to read (a pathological one) keeps the pages read by then.</summary>
    internal TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(2);

    public string? Extract(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = new StringBuilder();
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var document = PdfDocument.Open(content);
            for (var number = 1; number <= document.NumberOfPages && text.Length < MaxTextLength; number++)
            {
                AppendPage(document, number, text);
                if (Stopwatch.GetElapsedTime(started) > TimeLimit)
                {
                    break;
                }
            }
        }
#pragma warning disable CA1031 // PdfPig throws many kinds of exception for a damaged file; each means "no text" here.
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // Keeps the pages read before the damage, if any.
        }

        if (text.Length > MaxTextLength)
        {
            var cut = text.ToString(0, MaxTextLength).LastIndexOf(' ');
            text.Length = cut > 0 ? cut : MaxTextLength;
        }

        var words = text.ToString().Trim();
        return words.Any(char.IsLetterOrDigit) ? words : null;
    }

    private static void AppendPage(PdfDocument document, int number, StringBuilder text)
    {
        try
        {
            foreach (var word in document.GetPage(number).GetWords())
            {
                AppendWord(word.Text, text);
            }

            text.Append('\n');
        }
#pragma warning disable CA1031 // One damaged page keeps neither the others nor the file from being read.
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>
    /// The word, without control characters and without private-use ones (symbol fonts map glyphs there, and
    /// search marks matched words with two of them; see SearchHighlight).
    /// </summary>
    private static void AppendWord(string word, StringBuilder text)
    {
        var length = text.Length;
        foreach (var rune in word.EnumerateRunes())
        {
            // A lone surrogate half comes out of EnumerateRunes as the replacement character.
            if (rune != Rune.ReplacementChar
                && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.Format))
            {
                text.Append(rune.ToString());
            }
        }

        if (text.Length > length)
        {
            text.Append(' ');
        }
    }
}
