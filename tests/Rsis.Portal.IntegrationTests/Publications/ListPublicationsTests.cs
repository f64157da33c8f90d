using System.Net;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

public sealed class ListPublicationsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Series_page_lists_its_publications_with_code_title_date_and_author()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.SeriesUrl);

        Assert.Equal("RSIS Commentary Series", page.QuerySelector("h1")!.TextContent.Trim());
        var item = Assert.Single(page.QuerySelectorAll(".publication-item"));
        Assert.Equal(SeedFacts.Code, item.QuerySelector(".publication-code")!.TextContent.Trim());
        Assert.Equal(SeedFacts.ArticleUrl, item.QuerySelector("a.publication-title")!.GetAttribute("href"));
        Assert.Contains(SeedFacts.Date, item.TextContent, StringComparison.Ordinal);
        Assert.Contains(SeedFacts.Author, item.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Year_filter_shows_the_years_that_have_publications_and_filters_by_them()
    {
        var client = portal.CreateReader();
        var page = await client.GetPageAsync(SeedFacts.SeriesUrl);
        var years = page.QuerySelectorAll(".year-filter a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(SeedFacts.SeriesUrl + "?year=2013", years);

        var in2013 = await client.GetPageAsync(SeedFacts.SeriesUrl + "?year=2013");
        Assert.Single(in2013.QuerySelectorAll(".publication-item"));

        var in2012 = await client.GetPageAsync(SeedFacts.SeriesUrl + "?year=2012");
        Assert.Empty(in2012.QuerySelectorAll(".publication-item"));
        Assert.Contains("Nothing was published here in 2012", in2012.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_series_says_so_instead_of_showing_nothing()
    {
        var page = await portal.CreateReader().GetPageAsync("/publications/books");

        Assert.Equal("Books", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("No publications have been published in this series yet.", page.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publications_landing_lists_the_series_with_publications_and_the_latest_publications()
    {
        var page = await portal.CreateReader().GetPageAsync("/publications");

        // The seed publishes in one series only: the other nineteen are not offered until something is in them.
        var rsis = page.QuerySelectorAll("#rsis-publications + ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([SeedFacts.SeriesUrl], rsis);
        Assert.Empty(page.QuerySelectorAll("#external-publications + ul a"));
        Assert.Single(page.QuerySelectorAll(".publication-item"));
    }

    [Theory]
    [InlineData("?page=-1")]
    [InlineData("?page=0")]
    [InlineData("?page=99999")]
    [InlineData("?page=2147483647")]
    public async Task Out_of_range_pages_are_clamped_to_a_page_that_exists(string query)
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.SeriesUrl + query);

        Assert.Single(page.QuerySelectorAll(".publication-item"));
    }

    [Theory]
    [InlineData("?page=abc", "“abc” is not a valid page.")]
    [InlineData("?year=abc", "“abc” is not a valid year.")]
    [InlineData("?year=0", "Choose a year between 1900 and 2100.")]
    [InlineData("?year=99999999999", "“99999999999” is not a valid year.")]
    public async Task Invalid_page_or_year_gets_a_400_page_in_the_layout_saying_what_is_wrong(string query, string message)
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.SeriesUrl + query, HttpStatusCode.BadRequest);

        Assert.Contains(message, page.QuerySelector(".status-problems")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#site-nav"));
    }

    [Fact]
    public async Task An_unknown_series_is_a_404()
    {
        await portal.CreateReader().GetPageAsync("/publications/no-such-series", HttpStatusCode.NotFound);
    }
}
