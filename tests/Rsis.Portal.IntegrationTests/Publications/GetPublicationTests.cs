using System.Net;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

public sealed class GetPublicationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Article_page_shows_the_heading_author_and_date_of_the_source_page()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl);

        Assert.Equal(SeedFacts.Heading, page.QuerySelector("h1")!.TextContent.Squash());
        var author = Assert.Single(page.QuerySelectorAll(".article-authors a"));
        Assert.Equal(SeedFacts.Author, author.TextContent.Trim());
        Assert.Equal(SeedFacts.AuthorUrl, author.GetAttribute("href"));
        Assert.Equal(SeedFacts.Date, page.QuerySelector(".article-date time")!.TextContent.Trim());
        Assert.Equal("2013-03-18", page.QuerySelector(".article-date time")!.GetAttribute("datetime"));
        Assert.StartsWith(SeedFacts.Heading, page.Title);
    }

    [Fact]
    public async Task Article_page_has_synopsis_commentary_with_its_subheadings_about_the_author_and_categories()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl);

        var sections = page.QuerySelectorAll("article h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Synopsis", "Commentary", "About the Author", "Cite this", "Share this"], sections);
        Assert.StartsWith(SeedFacts.SynopsisStart, page.QuerySelector(".article-synopsis")!.TextContent.Trim());

        var body = page.QuerySelector(".article-body")!;
        Assert.StartsWith(SeedFacts.CommentaryStart, body.TextContent.Trim());
        Assert.EndsWith(SeedFacts.CommentaryEnd, body.TextContent.Trim());
        // The subheadings sit one level below "Commentary".
        Assert.Equal(SeedFacts.Subheadings, body.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()));
        Assert.Equal(13, body.QuerySelectorAll("p").Length);

        Assert.StartsWith(SeedFacts.AboutStart, page.QuerySelector(".article-about")!.TextContent.Trim());
        var category = Assert.Single(page.QuerySelectorAll(".article-categories a"));
        Assert.Equal(("RSIS Commentary Series", SeedFacts.CategoryUrl), (category.TextContent.Trim(), category.GetAttribute("href")));
    }

    [Fact]
    public async Task Article_page_links_its_pdf_and_shows_the_breadcrumb_trail()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl);

        var pdf = page.QuerySelector("a.pdf-link")!;
        Assert.Equal(SeedFacts.ArticleUrl + ".pdf", pdf.GetAttribute("href"));
        Assert.Contains("Download PDF", pdf.TextContent, StringComparison.Ordinal);

        var crumbs = page.QuerySelectorAll("nav[aria-label=Breadcrumb] li").Select(li => li.TextContent.Squash()).ToList();
        Assert.Equal(["RSIS", "Publications", "RSIS Commentary Series", SeedFacts.Heading], crumbs);
        Assert.Equal("page", page.QuerySelector("nav[aria-label=Breadcrumb] li:last-child [aria-current]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Article_page_lists_the_series_with_publications_in_its_sidebar_with_its_own_marked()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl);

        // The seed publishes in the RSIS Commentary Series alone; empty series are not offered.
        var links = page.QuerySelectorAll(".sidebar nav a").ToList();
        var current = Assert.Single(links);
        Assert.Equal("RSIS Commentary Series", current.TextContent.Trim());
        Assert.Equal(("page", SeedFacts.SeriesUrl), (current.GetAttribute("aria-current"), current.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/publications/rsis-commentary-series/co13046")]
    [InlineData("/publications/rsis-commentary-series/CO13046")]
    [InlineData("/publications/books/co13046-us-china-cyber-talks-internet-security-in-the-global-economy")]
    public async Task Other_addresses_of_the_article_redirect_permanently_to_its_permanent_url(string url)
    {
        using var response = await portal.CreateReader().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(SeedFacts.ArticleUrl, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/publications/rsis-commentary-series/co99999")]
    [InlineData("/publications/no-such-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy-x")]
    [InlineData("/publications/rsis-commentary-series/..%2f..%2fetc%2fpasswd")]
    [InlineData("/publications/rsis-commentary-series/%ff%fe")]
    [InlineData("/publications/rsis-commentary-series/网络安全")]
    public async Task Unknown_or_odd_article_addresses_get_the_404_page_in_the_site_layout(string url)
    {
        var page = await portal.CreateReader().GetPageAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#site-nav"));
    }

    [Fact]
    public async Task An_overlong_slug_gets_the_404_page()
    {
        var page = await portal.CreateReader().GetPageAsync("/publications/rsis-commentary-series/" + new string('a', 5000), HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
    }
}
