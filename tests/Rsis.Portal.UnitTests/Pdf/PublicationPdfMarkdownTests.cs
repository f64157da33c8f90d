using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using static Rsis.Portal.UnitTests.Pdf.SamplePublications;

namespace Rsis.Portal.UnitTests.Pdf;

/// <summary>The body's Markdown in print: emphasis, links, code and typography; raw HTML never shown.</summary>
public sealed class PublicationPdfMarkdownTests
{
    [Fact]
    public void Raw_html_in_the_markdown_never_shows_in_the_pdf()
    {
        const string body = "Before <script>alert(1)</script> after <b>bold tag</b>.\n\n"
            + "<div class=\"box\">\n<p>raw block</p>\n</div>\n\n"
            + "<script>alert(2)</script>\n\n"
            + "Last paragraph.";
        using var pdf = PdfDocument.Open(Renderer.Render(WithBody(body)));
        var text = Text(pdf);

        Assert.Contains("Commentary Before after bold tag. Last paragraph.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
        Assert.DoesNotContain("raw block", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_is_blue_text_with_a_clickable_annotation_to_its_url()
    {
        using var pdf = PdfDocument.Open(Renderer.Render(WithBody("Donilon spoke at the [Asia Society in New York](https://asiasociety.org/new-york) this month.")));
        var page = pdf.GetPage(1);

        var link = Assert.Single(page.GetHyperlinks(), l => l.Uri == "https://asiasociety.org/new-york");
        Assert.Equal("Asia Society in New York", Normalise(link.Text));
        var (r, g, b) = page.Letters.First(l => l.Value == "A" && link.Letters.Contains(l)).Color.ToRGBValues();
        Assert.True(b > 0.5 && r < 0.3 && g < 0.5, $"link colour {r} {g} {b}");
        var (pr, pg, pb) = page.Letters.First(l => l.Value == "D").Color.ToRGBValues();
        Assert.True(pr < 0.2 && pg < 0.2 && pb < 0.2, "body text is ink, not link blue");
    }

    [Fact]
    public void Relative_links_point_into_the_portal_and_script_links_are_dropped()
    {
        const string body = "See the [series](/publications/rsis-commentary-series) and [this](javascript:alert(1)).";
        using var pdf = PdfDocument.Open(Renderer.Render(WithBody(body)));
        var page = pdf.GetPage(1);
        var links = page.GetHyperlinks().Select(l => l.Uri).ToList();

        Assert.Contains("https://www.rsis.edu.sg/publications/rsis-commentary-series", links);
        Assert.DoesNotContain(links, uri => uri.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("See the series and this.", Normalise(page.Text), StringComparison.Ordinal);
    }

    [Fact]
    public void Emphasis_and_code_are_set_in_their_own_faces()
    {
        using var pdf = PdfDocument.Open(Renderer.Render(WithBody("Plain *slanted* and **strong** with `code` in it.")));
        var words = pdf.GetPage(1).GetWords().ToList();

        Assert.Contains("Italic", FontOf(words, "slanted"), StringComparison.Ordinal);
        Assert.Contains("Bold", FontOf(words, "strong"), StringComparison.Ordinal);
        Assert.Contains("Mono", FontOf(words, "code"), StringComparison.Ordinal);
        Assert.DoesNotContain("Italic", FontOf(words, "Plain"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hard_line_break_starts_a_new_line()
    {
        using var pdf = PdfDocument.Open(Renderer.Render(WithBody("First line\\\nsecond line")));
        var words = pdf.GetPage(1).GetWords().ToList();

        var first = words.Single(w => w.Text == "First");
        var second = words.Single(w => w.Text == "second");
        Assert.Equal(first.BoundingBox.Left, second.BoundingBox.Left, 0.5);
        Assert.True(second.BoundingBox.Bottom < first.BoundingBox.Bottom - 5);
    }

    [Fact]
    public void Curly_quotes_dashes_and_accented_letters_come_out_as_written()
    {
        const string sentence = "Donilon\u2019s \u201Cirresponsible criticism\u201D \u2014 a \u2018new type\u2019 of caf\u00E9 in Z\u00FCrich, S\u00E3o Paulo and Mal\u00E9 \u2013 na\u00EFvet\u00E9.";
        using var pdf = PdfDocument.Open(Renderer.Render(WithBody(sentence)));

        Assert.Contains(sentence, Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_block_keeps_its_lines_in_a_monospace_face()
    {
        using var pdf = PdfDocument.Open(Renderer.Render(WithBody("Intro.\n\n```\nfirst code line\n    indented line\n```\n\nOutro.")));
        var words = pdf.GetPage(1).GetWords().ToList();

        Assert.Contains("Mono", FontOf(words, "first"), StringComparison.Ordinal);
        Assert.True(words.Single(w => w.Text == "indented").BoundingBox.Left > words.Single(w => w.Text == "first").BoundingBox.Left + 10);
    }

    private static string FontOf(List<Word> words, string text) => words.First(w => w.Text.StartsWith(text, StringComparison.Ordinal)).FontName ?? "";
}
