using System.Net;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

public sealed class AuthorAndCategoryPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Author_page_shows_the_biography_and_the_authors_publications()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.AuthorUrl);

        Assert.Equal(SeedFacts.Author, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith(SeedFacts.AboutStart, page.QuerySelector(".author-biography p")!.TextContent.Trim());
        var item = Assert.Single(page.QuerySelectorAll(".publication-item"));
        Assert.Equal(SeedFacts.ArticleUrl, item.QuerySelector("a.publication-title")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Category_page_lists_its_publications()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.CategoryUrl);

        Assert.Equal("RSIS Commentary Series", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Single(page.QuerySelectorAll(".publication-item"));
    }

    [Theory]
    [InlineData("/authors/nobody")]
    [InlineData("/categories/nothing")]
    public async Task Unknown_authors_and_categories_are_404(string url)
    {
        await portal.CreateReader().GetPageAsync(url, HttpStatusCode.NotFound);
    }
}
