using PdfSharp.Fonts;
using Rsis.Portal.Infrastructure.Pdf;
using UglyToad.PdfPig;
using static Rsis.Portal.UnitTests.Pdf.SamplePublications;

namespace Rsis.Portal.UnitTests.Pdf;

/// <summary>CO13046 as the school would print it, read back from the PDF.</summary>
public sealed class PublicationPdfRendererTests
{
    private static readonly string[] SubHeadings =
        ["Commercial or military espionage?", "Obama-Xi phone chat", "New global discourse on cyber security?"];

    [Fact]
    public void The_first_page_shows_series_and_code_title_author_and_date()
    {
        using var pdf = OpenCo13046();
        var firstPage = Normalise(pdf.GetPage(1).Text);

        Assert.Contains("RSIS Commentary Series \u00B7 CO13046", firstPage, StringComparison.Ordinal);
        Assert.Contains("US-China Cyber Talks: Internet Security in the Global Economy", firstPage, StringComparison.Ordinal);
        Assert.Contains("C. Raja Mohan", firstPage, StringComparison.Ordinal);
        Assert.Contains("18 March 2013", firstPage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_synopsis_and_commentary_appear_whole_under_their_headings()
    {
        using var pdf = OpenCo13046();
        var text = Text(pdf);

        var synopsis = text.IndexOf("Synopsis A series of recent statements from Washington and Beijing", StringComparison.Ordinal);
        var synopsisEnd = text.IndexOf("could define the terms of the global debate on developing cyber norms.", StringComparison.Ordinal);
        var commentary = text.IndexOf("Commentary THE US national security adviser Tom Donilon this month pointed to the unacceptable frequency", StringComparison.Ordinal);
        var commentaryEnd = text.IndexOf(
            "Once there is a bilateral agreement between America and China on a basic set of norms, it could provide the nucleus for a broader multilateral regime for cyber security.",
            StringComparison.Ordinal);
        Assert.True(synopsis >= 0 && synopsisEnd > synopsis, "synopsis");
        Assert.True(commentary > synopsisEnd && commentaryEnd > commentary, "commentary");
    }

    [Fact]
    public void Every_commentary_sub_heading_appears_in_order()
    {
        using var pdf = OpenCo13046();
        var text = Text(pdf);

        var positions = SubHeadings
            .Select(heading => text.IndexOf(heading, StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void The_closing_has_the_author_note_categories_and_a_link_to_the_article()
    {
        using var pdf = OpenCo13046();
        var text = Text(pdf);
        var url = Co13046().CanonicalUrl;

        Assert.Contains("About the Author C. Raja Mohan heads the strategic studies programme at the Observer Research Foundation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("About the Authors", text, StringComparison.Ordinal);
        Assert.Contains("Categories: RSIS Commentary Series", text, StringComparison.Ordinal);
        Assert.Contains(url, text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(pdf.GetPages().SelectMany(p => p.GetHyperlinks()), link => link.Uri == url);
    }

    [Fact]
    public void Every_page_has_the_school_name_at_the_top_and_page_n_of_m_at_the_foot()
    {
        using var pdf = OpenCo13046();

        Assert.True(pdf.NumberOfPages >= 1);
        foreach (var page in pdf.GetPages())
        {
            var text = Normalise(page.Text);
            Assert.StartsWith(SchoolName, text, StringComparison.Ordinal);
            Assert.EndsWith($"CO13046 Page {page.Number} of {pdf.NumberOfPages}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pages_are_a4_portrait()
    {
        using var pdf = OpenCo13046();

        Assert.All(pdf.GetPages(), page =>
        {
            Assert.Equal(595.28, page.Width, 0.5);
            Assert.Equal(841.89, page.Height, 0.5);
        });
    }

    [Fact]
    public void Metadata_names_the_title_authors_synopsis_categories_and_publication_date()
    {
        using var pdf = OpenCo13046();
        var info = pdf.Information;

        Assert.Equal("US-China Cyber Talks: Internet Security in the Global Economy", info.Title);
        Assert.Equal("C. Raja Mohan", info.Author);
        Assert.Equal(Co13046Seed.Synopsis, info.Subject);
        Assert.Equal("RSIS Commentary Series", info.Keywords);
        Assert.Equal(new DateTimeOffset(2013, 3, 18, 0, 0, 0, TimeSpan.Zero), info.GetCreatedDateTimeOffset());
        Assert.False(string.IsNullOrWhiteSpace(info.Creator));
        Assert.Contains("PDFsharp", info.Producer, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_authors_are_named_in_the_metadata_and_the_note_is_about_the_authors()
    {
        var document = Co13046() with { Authors = ["C. Raja Mohan", "Jane Example", "Tan Wei Ming"] };
        using var pdf = PdfDocument.Open(Renderer.Render(document));
        var text = Text(pdf);

        Assert.Equal("C. Raja Mohan, Jane Example, Tan Wei Ming", pdf.Information.Author);
        Assert.Contains("C. Raja Mohan, Jane Example and Tan Wei Ming", text, StringComparison.Ordinal);
        Assert.Contains("About the Authors", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_publication_without_synopsis_or_note_has_no_empty_sections()
    {
        var document = Co13046() with { Synopsis = "", AboutTheAuthorsMarkdown = " ", Categories = [] };
        using var pdf = PdfDocument.Open(Renderer.Render(document));
        var text = Text(pdf);

        Assert.DoesNotContain("Synopsis", text, StringComparison.Ordinal);
        Assert.DoesNotContain("About the Author", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Categories:", text, StringComparison.Ordinal);
        Assert.Contains("Commentary THE US national security adviser", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_publication_gives_the_same_pdf_text_when_rendered_concurrently()
    {
        var longDocument = WithBody(LongBody(out _));
        string expected, expectedLong;
        using (var pdf = OpenCo13046())
        using (var longPdf = PdfDocument.Open(Renderer.Render(longDocument)))
        {
            expected = Text(pdf);
            expectedLong = Text(longPdf);
        }

        var texts = new string[16];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            using var pdf = PdfDocument.Open(Renderer.Render(i % 2 == 0 ? Co13046() : longDocument));
            texts[i] = Text(pdf);
        });

        Assert.All(texts.Where((_, i) => i % 2 == 0), text => Assert.Equal(expected, text));
        Assert.All(texts.Where((_, i) => i % 2 == 1), text => Assert.Equal(expectedLong, text));
    }

    [Fact]
    public void Many_renderers_in_one_process_share_one_font_resolver()
    {
        var renderers = Enumerable.Range(0, 3).Select(_ => new PublicationPdfRenderer()).ToList();

        Assert.All(renderers, r => Assert.NotEmpty(r.Render(Co13046())));
        Assert.IsType<PublicationFontResolver>(GlobalFontSettings.FontResolver);
    }
}
