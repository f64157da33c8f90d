using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.Application.Search;
using Rsis.Portal.Infrastructure.Search;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Search;

/// <summary>
/// The portal with the search SQL Server uses (LIKE, plain LINQ) instead of FTS5. No SQL Server runs
/// here, but the same LINQ runs on SQLite, so the search page behaves the same whichever provider answers.
/// </summary>
public sealed class LikeSearchPortal : PortalFactory, IAsyncLifetime
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPublicationSearch, LikePublicationSearch>());
    }

    public async ValueTask InitializeAsync()
    {
        await this.AddPublicationAsync(SearchCorpus.TitleMatch);
        await this.AddPublicationAsync(SearchCorpus.PolicyReport);
        await this.AddPublicationAsync(SearchCorpus.Draft);
    }
}

public sealed class LikeSearchTests(LikeSearchPortal portal) : IClassFixture<LikeSearchPortal>
{
    [Fact]
    public async Task The_like_search_is_the_one_answering()
    {
        var search = await portal.WithServiceAsync<IPublicationSearch, string>(s => Task.FromResult(s.GetType().Name));

        Assert.Equal(nameof(LikePublicationSearch), search);
    }

    [Theory]
    [InlineData("espionage", "espionage")]
    [InlineData("Mandiant", "Mandiant")]
    [InlineData("Shanghai building", "Shanghai")]
    public async Task Words_of_the_commentary_find_it_with_the_word_highlighted(string q, string highlighted)
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + Uri.EscapeDataString(q));

        var item = Assert.Single(page.QuerySelectorAll(".publication-item"));
        Assert.Equal(SeedFacts.ArticleUrl, item.QuerySelector("a.publication-title")!.GetAttribute("href"));
        Assert.Contains(highlighted, item.QuerySelectorAll(".search-result__passage mark").Select(m => m.TextContent));
    }

    [Fact]
    public async Task An_authors_name_finds_their_publication_with_the_author_in_its_byline()
    {
        // The name is in no title, synopsis or body, so there is no passage to highlight it in.
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + Uri.EscapeDataString("Raja Mohan"));

        var item = Assert.Single(page.QuerySelectorAll(".publication-item"));
        Assert.Equal(SeedFacts.ArticleUrl, item.QuerySelector("a.publication-title")!.GetAttribute("href"));
        Assert.Contains(item.QuerySelectorAll(".publication-meta a"), a => a.TextContent.Trim() == SeedFacts.Author && a.GetAttribute("href") == SeedFacts.AuthorUrl);
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_only_match()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=Donilon");

        var codes = page.QuerySelectorAll(".publication-code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([SearchCorpus.TitleMatch.Code, SeedFacts.Code], codes);
        Assert.Equal("Donilon", page.QuerySelector(".publication-title mark")!.TextContent);
    }

    [Fact]
    public async Task Filters_and_counts_work_the_same()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber&year=2013");

        Assert.Equal(2, page.QuerySelectorAll(".publication-item").Length);
        Assert.Equal("2014 (1)", page.QuerySelector("label[for=filter-year-2014]")!.TextContent.Squash());
        Assert.Equal("Policy Reports (1)", page.QuerySelector("label[for=filter-series-policy-reports]")!.TextContent.Squash());
    }

    [Fact]
    public async Task Drafts_are_never_found()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=quasar");

        Assert.Empty(page.QuerySelectorAll(".publication-item"));
    }

    [Theory]
    [InlineData("' OR 'zz'='zz")]
    [InlineData("100% zzzz")]
    [InlineData("zz_qq")]
    [InlineData("[zz-qq]")]
    [InlineData("网络安全")]
    public async Task Odd_queries_get_a_normal_page_with_no_false_matches(string q)
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + Uri.EscapeDataString(q));

        Assert.Empty(page.QuerySelectorAll(".publication-item"));
        Assert.Equal(q, page.QuerySelector("#search-page-q")!.GetAttribute("value"));
    }
}
