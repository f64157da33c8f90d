using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.IntegrationTests.Feeds;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>What the article page tells Google Scholar, search engines, link previews and reference managers.</summary>
public sealed class ArticleMetadataTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Canonical = "http://localhost" + SeedFacts.ArticleUrl;

    [Fact]
    public async Task Google_scholar_tags_describe_CO13046_as_a_numbered_report_of_the_school()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl);

        Assert.Equal([SeedFacts.Title], Meta(page, "citation_title"));
        Assert.Equal([SeedFacts.Author], Meta(page, "citation_author"));
        Assert.Equal(["2013/03/18"], Meta(page, "citation_publication_date"));
        Assert.Equal(["S. Rajaratnam School of International Studies"], Meta(page, "citation_publisher"));
        Assert.Equal(["RSIS Commentary Series"], Meta(page, "citation_series_title"));
        Assert.Equal([SeedFacts.Code], Meta(page, "citation_technical_report_number"));
        Assert.Equal([Canonical], Meta(page, "citation_abstract_html_url"));
        Assert.Equal(["en"], Meta(page, "citation_language"));
    }

    [Fact]
    public async Task There_is_exactly_one_citation_pdf_url_and_it_answers_with_the_pdf()
    {
        var client = portal.CreateReader();
        var page = await client.GetPageAsync(SeedFacts.ArticleUrl);

        var pdfUrl = Assert.Single(Meta(page, "citation_pdf_url"));
        Assert.Equal(Canonical + ".pdf", pdfUrl);
        using var pdf = await client.GetAsync(new Uri(pdfUrl!).PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }

    [Fact]
    public async Task Json_ld_is_valid_json_naming_the_report_its_author_date_publisher_and_trail()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl);

        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(script.TextContent);
        Assert.Equal("https://schema.org", json.RootElement.GetProperty("@context").GetString());
        var graph = json.RootElement.GetProperty("@graph").EnumerateArray().ToList();

        var report = graph.Single(n => n.GetProperty("@type").GetString() == "Report");
        Assert.Equal(SeedFacts.Title, report.GetProperty("headline").GetString());
        Assert.Equal(SeedFacts.Code, report.GetProperty("reportNumber").GetString());
        Assert.Equal("2013-03-18", report.GetProperty("datePublished").GetString());
        Assert.Equal(Canonical, report.GetProperty("url").GetString());
        var author = Assert.Single(report.GetProperty("author").EnumerateArray());
        Assert.Equal(("Person", SeedFacts.Author, "http://localhost" + SeedFacts.AuthorUrl),
            (author.GetProperty("@type").GetString(), author.GetProperty("name").GetString(), author.GetProperty("url").GetString()));
        var publisher = report.GetProperty("publisher");
        Assert.Equal(("Organization", "S. Rajaratnam School of International Studies"),
            (publisher.GetProperty("@type").GetString(), publisher.GetProperty("name").GetString()));
        Assert.Equal(Canonical + ".pdf", report.GetProperty("encoding").GetProperty("contentUrl").GetString());

        var trail = graph.Single(n => n.GetProperty("@type").GetString() == "BreadcrumbList")
            .GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(["RSIS", "Publications", "RSIS Commentary Series", SeedFacts.Heading], trail.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal([1, 2, 3, 4], trail.Select(i => i.GetProperty("position").GetInt32()));
        Assert.Equal(Canonical, trail[^1].GetProperty("item").GetString());
    }

    [Fact]
    public async Task Link_previews_and_search_engines_get_open_graph_twitter_canonical_and_description()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl);

        Assert.Equal(Canonical, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.StartsWith(SeedFacts.SynopsisStart, Assert.Single(Meta(page, "description")), StringComparison.Ordinal);
        Assert.Equal("article", Property(page, "og:type"));
        Assert.Equal(SeedFacts.Title, Property(page, "og:title"));
        Assert.Equal(Canonical, Property(page, "og:url"));
        Assert.StartsWith(SeedFacts.SynopsisStart, Property(page, "og:description"), StringComparison.Ordinal);
        Assert.Equal("2013-03-18", Property(page, "article:published_time"));
        Assert.Equal(["summary_large_image"], Meta(page, "twitter:card"));
        Assert.Equal([SeedFacts.Title], Meta(page, "twitter:title"));
    }

    [Fact]
    public async Task The_author_page_carries_a_person_in_json_ld()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.AuthorUrl);

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var person = json.RootElement.GetProperty("@graph").EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "Person");
        Assert.Equal(SeedFacts.Author, person.GetProperty("name").GetString());
        Assert.Equal("http://localhost" + SeedFacts.AuthorUrl, person.GetProperty("url").GetString());
        Assert.StartsWith(SeedFacts.AboutStart, person.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cite_this_shows_apa_chicago_and_harvard_for_CO13046_as_selectable_text()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl);

        var citations = page.QuerySelectorAll(".citation__text").Select(c => c.TextContent.Squash()).ToList();
        Assert.Equal(
            [
                $"Mohan, C. R. (2013, March 18). {SeedFacts.Title} (RSIS Commentary Series No. CO13046). S. Rajaratnam School of International Studies. {Canonical}",
                $"Mohan, C. Raja. {SeedFacts.Title}. RSIS Commentary Series, no. CO13046. S. Rajaratnam School of International Studies, March 18, 2013. {Canonical}.",
                $"Mohan, C.R. (2013) {SeedFacts.Title}. RSIS Commentary Series, no. CO13046. S. Rajaratnam School of International Studies. Available at: {Canonical}.",
            ],
            citations);
        // Without JavaScript there is nothing to click: the buttons are hidden until article.js shows them.
        Assert.All(page.QuerySelectorAll(".citation__copy"), b => Assert.True(b.HasAttribute("hidden")));
        Assert.Equal(3, page.QuerySelectorAll(".citation__copy").Length);
    }

    [Fact]
    public async Task The_bibtex_file_is_a_techreport_with_the_right_fields()
    {
        using var response = await portal.CreateReader().GetAsync(SeedFacts.ArticleUrl + ".bib", TestContext.Current.CancellationToken);
        var bibtex = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-bibtex", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("CO13046.bib", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.StartsWith("@techreport{CO13046,\n", bibtex, StringComparison.Ordinal);
        Assert.Contains("  author      = {Mohan, C. Raja},\n", bibtex, StringComparison.Ordinal);
        Assert.Contains($"  title       = {{{{{SeedFacts.Title}}}}},\n", bibtex, StringComparison.Ordinal);
        Assert.Contains("  institution = {S. Rajaratnam School of International Studies},\n", bibtex, StringComparison.Ordinal);
        Assert.Contains("  number      = {CO13046},\n", bibtex, StringComparison.Ordinal);
        Assert.Contains("  year        = {2013},\n  month       = mar,\n", bibtex, StringComparison.Ordinal);
        Assert.Contains($"  url         = {{{Canonical}}},\n", bibtex, StringComparison.Ordinal);
        Assert.EndsWith("}\n", bibtex, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ris_file_is_a_report_record_with_the_right_tags()
    {
        using var response = await portal.CreateReader().GetAsync(SeedFacts.ArticleUrl + ".ris", TestContext.Current.CancellationToken);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n");

        Assert.Equal("application/x-research-info-systems", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("CO13046.ris", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal("TY  - RPRT", lines[0]);
        Assert.Contains("AU  - Mohan, C. Raja", lines);
        Assert.Contains($"TI  - {SeedFacts.Title}", lines);
        Assert.Contains("T2  - RSIS Commentary Series", lines);
        Assert.Contains("SN  - CO13046", lines);
        Assert.Contains("PB  - S. Rajaratnam School of International Studies", lines);
        Assert.Contains("DA  - 2013/03/18/", lines);
        Assert.Contains($"UR  - {Canonical}", lines);
        Assert.Contains($"L1  - {Canonical}.pdf", lines);
        Assert.Equal("ER  - ", lines[^2]);
    }

    [Theory]
    [InlineData("/publications/rsis-commentary-series/co13046.bib", SeedFacts.ArticleUrl + ".bib")]
    [InlineData("/publications/rsis-commentary-series/CO13046.ris", SeedFacts.ArticleUrl + ".ris")]
    [InlineData("/publications/books/co13046-us-china-cyber-talks-internet-security-in-the-global-economy.bib", SeedFacts.ArticleUrl + ".bib")]
    public async Task A_citation_file_asked_for_by_code_or_under_another_series_redirects_to_its_permanent_address(string path, string location)
    {
        using var response = await portal.CreateReader().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_draft_has_no_citation_files()
    {
        var draft = new TestPublication("CO19001", "Citation Draft", Status: PublicationStatus.Draft);
        await portal.AddPublicationAsync(draft);
        var client = portal.CreateReader();

        using var bib = await client.GetAsync(draft.Url + ".bib", TestContext.Current.CancellationToken);
        using var ris = await client.GetAsync(draft.Url + ".ris", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (bib.StatusCode, ris.StatusCode));
    }

    [Fact]
    public async Task The_article_page_stays_under_sixty_kilobytes()
    {
        using var response = await portal.CreateReader().GetAsync(SeedFacts.ArticleUrl, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.True(bytes.Length < 60 * 1024, $"The article page is {bytes.Length:N0} bytes.");
    }

    private static List<string?> Meta(IHtmlDocument page, string name) =>
        page.Head!.QuerySelectorAll($"meta[name='{name}']").Select(m => m.GetAttribute("content")).ToList();

    private static string? Property(IHtmlDocument page, string property) =>
        page.Head!.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
}

public sealed class ArticleMetadataBaseUrlTests(ConfiguredBaseUrlPortal portal) : IClassFixture<ConfiguredBaseUrlPortal>
{
    [Fact]
    public async Task With_a_public_base_url_configured_every_absolute_url_uses_it()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl);
        var canonical = "https://www.rsis.example" + SeedFacts.ArticleUrl;

        Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(canonical + ".pdf", page.Head!.QuerySelector("meta[name=citation_pdf_url]")!.GetAttribute("content"));
        Assert.EndsWith(canonical, page.QuerySelector(".citation__text")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}
