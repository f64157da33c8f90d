using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using Rsis.Portal.Infrastructure.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using static Rsis.Portal.UnitTests.Pdf.SamplePublications;

namespace Rsis.Portal.UnitTests.Pdf;

/// <summary>How text flows: across pages, inside the margins, headings kept with what they introduce.</summary>
public sealed partial class PublicationPdfLayoutTests
{
    private static readonly PageGeometry Page = PublicationStyles.Page;

    [Fact]
    public void A_long_body_flows_over_several_pages_with_every_word_in_order()
    {
        var body = LongBody(out var expected);
        using var pdf = PdfDocument.Open(Renderer.Render(WithBody(body)));

        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();

        Assert.True(pdf.NumberOfPages >= 5, $"{pdf.NumberOfPages} pages");
        Assert.Equal(expected, BodyWords(words));
        var headings = PartHeadings().Matches(Text(pdf)).Select(m => m.Value).ToList();
        Assert.True(headings.Count >= 3, $"{headings.Count} headings");
        Assert.Equal(Enumerable.Range(1, headings.Count).Select(n => $"Part {n}"), headings);
    }

    [Fact]
    public void No_letter_is_drawn_outside_the_margins()
    {
        using var pdf = PdfDocument.Open(Renderer.Render(WithBody(LongBody(out _))));

        foreach (var page in pdf.GetPages())
        {
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                // A glyph's ink may overhang its advance by a hair (the italic "A" of the synopsis): allow a point.
                var box = letter.BoundingBox;
                Assert.True(
                    box.Left >= Page.Left - 1 && box.Right <= Page.Width - Page.Right + 1 && box.Bottom >= 36 && box.Top <= Page.Height - 36,
                    $"'{letter.Value}' on page {page.Number} at {box}");
            }
        }
    }

    [Fact]
    public void A_heading_is_never_the_last_line_on_a_page()
    {
        var body = new StringBuilder();
        for (var section = 1; section <= 40; section++)
        {
            body.Append(CultureInfo.InvariantCulture, $"## Heading {section}\n\n");
            var length = 12 + (section * 37 % 90);
            body.AppendJoin(' ', Enumerable.Range(1, length).Select(k => $"s{section}w{k}")).Append("\n\n");
        }

        using var pdf = PdfDocument.Open(Renderer.Render(WithBody(body.ToString())));

        Assert.True(pdf.NumberOfPages >= 4);
        foreach (var page in pdf.GetPages().SkipLast(1))
        {
            var lastLine = BodyLines(page).Last();
            Assert.False(lastLine.All(IsHeadingLetter), $"Page {page.Number} ends with the heading \"{string.Concat(lastLine.Select(l => l.Value))}\"");
        }
    }

    [Fact]
    public void A_three_line_paragraph_with_room_for_two_moves_whole_to_the_next_page()
    {
        // A page of ten 10-point lines: seven of one paragraph leave room for two of the next.
        var geometry = new PageGeometry(Width: 200, Height: 200, Left: 10, Right: 10, BodyTop: 50, BodyBottom: 50);
        var pages = new PageComposer(geometry).Compose([Paragraph(7, spaceAfter: 10), Paragraph(3)]);

        Assert.Equal(2, pages.Count);
        Assert.Equal(7, pages[0].Lines.Count);
        Assert.Equal(3, pages[1].Lines.Count);
    }

    [Fact]
    public void A_paragraph_broken_across_pages_leaves_at_least_two_lines_on_each_side()
    {
        var geometry = new PageGeometry(Width: 200, Height: 200, Left: 10, Right: 10, BodyTop: 50, BodyBottom: 50);
        var pages = new PageComposer(geometry).Compose([Paragraph(5), Paragraph(6)]);

        // Five lines of the second paragraph would fit; only four go, so two follow.
        Assert.Equal([9, 2], pages.Select(p => p.Lines.Count));
    }

    [Fact]
    public void A_heading_without_room_for_two_lines_after_it_starts_the_next_page()
    {
        var geometry = new PageGeometry(Width: 200, Height: 200, Left: 10, Right: 10, BodyTop: 50, BodyBottom: 50);
        var pages = new PageComposer(geometry).Compose([Paragraph(8), Paragraph(1, keepWithNext: true), Paragraph(4)]);

        Assert.Equal([8, 5], pages.Select(p => p.Lines.Count));
    }

    [Fact]
    public void A_word_longer_than_the_line_is_broken_across_lines_inside_the_column()
    {
        using var pdf = PdfDocument.Open(Renderer.Render(WithBody($"Before {LongWord} after.")));
        var page = pdf.GetPage(1);

        var pieces = page.GetWords().Where(w => LongWordPiece().IsMatch(w.Text)).ToList();
        Assert.True(pieces.Count >= 3, $"{pieces.Count} pieces");
        Assert.Equal(LongWord, string.Concat(pieces.Select(w => w.Text)));
        Assert.All(pieces, w => Assert.True(w.BoundingBox.Right <= Page.Width - Page.Right + 0.5, $"{w.Text} ends at {w.BoundingBox.Right}"));
    }

    [Fact]
    public void Lists_and_block_quotes_keep_their_markers_text_and_indent()
    {
        const string body = "Before the list.\n\n- first item\n- second item\n\n1. one\n2. two\n\n> quoted words\n\nAfter the list.";
        using var pdf = PdfDocument.Open(Renderer.Render(WithBody(body)));
        var page = pdf.GetPage(1);
        var text = Normalise(page.Text);

        Assert.Contains("Before the list. \u2022 first item \u2022 second item 1. one 2. two quoted words After the list.", text, StringComparison.Ordinal);
        var quoted = page.GetWords().First(w => w.Text == "quoted");
        var item = page.GetWords().First(w => w.Text == "first");
        var before = page.GetWords().First(w => w.Text == "Before");
        Assert.True(quoted.BoundingBox.Left > before.BoundingBox.Left + 10);
        Assert.True(item.BoundingBox.Left > before.BoundingBox.Left + 10);
    }

    private static TypesetBlock Paragraph(int lines, double spaceAfter = 0, bool keepWithNext = false)
    {
        var style = new BlockStyle(PublicationFontResolver.Serif, 10, 10, XColors.Black, 0, spaceAfter, KeepWithNext: keepWithNext);
        return new TypesetBlock(
            new TextBlock([new TextRun("x")], style),
            Enumerable.Range(0, lines).Select(_ => new TypesetLine([], 10, 8)).ToList());
    }

    /// <summary>The body's words in order: numbered words, and the long word joined up from its pieces.</summary>
    private static List<string> BodyWords(IEnumerable<string> words)
    {
        var result = new List<string>();
        var joining = false;
        foreach (var word in words)
        {
            if (LongWordPiece().IsMatch(word))
            {
                if (joining)
                {
                    result[^1] += word;
                }
                else
                {
                    result.Add(word);
                }

                joining = true;
                continue;
            }

            joining = false;
            if (NumberedWord().IsMatch(word))
            {
                result.Add(word);
            }
        }

        return result;
    }

    /// <summary>The page's body text (between running header and footer) as lines of letters, top to bottom.</summary>
    private static IEnumerable<Letter[]> BodyLines(Page page) => page.Letters
        .Where(l => !string.IsNullOrWhiteSpace(l.Value))
        .Where(l => l.StartBaseLine.Y > Page.BodyBottom - 20 && l.StartBaseLine.Y < Page.Height - Page.BodyTop + 20)
        .GroupBy(l => Math.Round(l.StartBaseLine.Y))
        .OrderByDescending(g => g.Key)
        .Select(g => g.ToArray());

    private static bool IsHeadingLetter(Letter letter) =>
        letter.FontName is not null && letter.FontName.Contains("Sans", StringComparison.Ordinal) && letter.FontName.Contains("Bold", StringComparison.Ordinal);

    [GeneratedRegex("^w[0-9]{4}$")]
    private static partial Regex NumberedWord();

    [GeneratedRegex("^[QXZJK]+$")]
    private static partial Regex LongWordPiece();

    [GeneratedRegex("Part [0-9]+")]
    private static partial Regex PartHeadings();
}
