using System.Net;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Search;

public sealed class SearchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("cyber")]
    [InlineData("espionage")]
    [InlineData("Raja Mohan")]
    [InlineData("Donilon Shanghai")]
    public async Task Words_of_the_commentary_find_it(string q)
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + Uri.EscapeDataString(q));

        var item = Assert.Single(page.QuerySelectorAll(".publication-item"));
        Assert.Equal(SeedFacts.ArticleUrl, item.QuerySelector("a.publication-title")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_exact_code_goes_straight_to_the_article()
    {
        using var response = await portal.CreateReader().GetAsync(new Uri("/search?q=co13046", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(SeedFacts.ArticleUrl, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("' OR 1=1--")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\"")]
    [InlineData("[a-z]")]
    [InlineData("   ")]
    [InlineData("网络安全")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Odd_queries_get_a_normal_page_with_no_false_matches(string q)
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + Uri.EscapeDataString(q));

        Assert.Empty(page.QuerySelectorAll(".publication-item"));
        Assert.Null(page.QuerySelector("script:not([src])"));
    }

    [Fact]
    public async Task A_ten_thousand_character_query_gets_a_normal_page()
    {
        await portal.CreateReader().GetPageAsync("/search?q=" + new string('a', 10_000));
    }
}
