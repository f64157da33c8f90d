using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.Application.Search;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.Infrastructure.Persistence;
using Rsis.Portal.Infrastructure.Search;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Search;

/// <summary>
/// The seed's CO13046 plus a few test publications (in this class's own database only) in other series,
/// years, authors and categories, a draft, a scheduled one and enough for two pages.
/// </summary>
public class SearchCorpus : PortalFactory, IAsyncLifetime
{
    public static readonly TestPublication TitleMatch = new(
        "CO14001", "Donilon and the Cyber Dialogue", PublishedOn: new DateOnly(2014, 5, 2),
        Authors: ["Test Author One"], Categories: ["Cyber Security"]);

    /// <summary>"Cyber" forty times in its body, more often than in any other publication, and never in its title.</summary>
    public static readonly TestPublication PolicyReport = new(
        "PR13001", "Maritime Security in Southeast Asia",
        Body: string.Join(' ', Enumerable.Repeat("Cyber threats to ports and cyber risks for shipping.", 20)),
        SeriesSlug: "policy-reports", PublishedOn: new DateOnly(2013, 6, 1),
        Authors: ["Test Author Two"], Categories: ["Maritime Security"]);

    public static readonly TestPublication WorkingPaper = new(
        "WP12001", "Cyber Norms Working Paper", SeriesSlug: "working-papers", PublishedOn: new DateOnly(2012, 9, 9),
        Authors: ["Test Author One", "Test Author Two"], Categories: ["Cyber Security", "Maritime Security"]);

    public static readonly TestPublication SynopsisMatch = new(
        "CO14004", "Another Subject", Synopsis: "Why Donilon matters.", PublishedOn: new DateOnly(2010, 1, 1));

    public static readonly TestPublication Draft = new(
        "CO14002", "Quasar Draft on Cyber", Status: PublicationStatus.Draft);

    public static readonly TestPublication Scheduled = new(
        "CO14003", "Pulsar Scheduled on Cyber", PublishAtUtc: DateTime.UtcNow.AddYears(5));

    public const int ZephyrCount = 21;

    public async ValueTask InitializeAsync()
    {
        foreach (var publication in new[] { TitleMatch, PolicyReport, WorkingPaper, SynopsisMatch, Draft, Scheduled })
        {
            await this.AddPublicationAsync(publication);
        }

        for (var i = 1; i <= ZephyrCount; i++)
        {
            await this.AddPublicationAsync(new TestPublication(
                $"CO15{i:000}", $"Zephyr Number {i}", PublishedOn: new DateOnly(2015, 1, 1).AddDays(i)));
        }
    }
}

public sealed class SearchRankingAndFilterTests(SearchCorpus portal) : IClassFixture<SearchCorpus>
{
    [Fact]
    public async Task A_title_match_ranks_above_a_synopsis_match_which_ranks_above_a_body_only_match()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=Donilon");

        var codes = Codes(page);
        Assert.Equal([SearchCorpus.TitleMatch.Code, SearchCorpus.SynopsisMatch.Code, SeedFacts.Code], codes);
    }

    [Fact]
    public async Task A_title_match_ranks_above_body_matches_that_repeat_the_word()
    {
        // "cyber" is once in the titles of CO14001, CO13046 and WP12001 (and 29 times in CO13046's body);
        // PR13001 has it only in its body, but 40 times there.
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber");

        var codes = Codes(page);
        Assert.Equal(40, Occurrences(SearchCorpus.PolicyReport.Body, "cyber"));
        Assert.Equal(4, codes.Count);
        Assert.Equal(
            [SeedFacts.Code, SearchCorpus.TitleMatch.Code, SearchCorpus.WorkingPaper.Code],
            codes[..3].Order(StringComparer.Ordinal));
        Assert.Equal(SearchCorpus.PolicyReport.Code, codes[^1]);
    }

    [Fact]
    public async Task Drafts_and_scheduled_publications_are_never_found()
    {
        var client = portal.CreateReader();

        Assert.Empty(Codes(await client.GetPageAsync("/search?q=quasar")));
        Assert.Empty(Codes(await client.GetPageAsync("/search?q=pulsar")));
        Assert.DoesNotContain(SearchCorpus.Draft.Code, Codes(await client.GetPageAsync("/search?q=cyber")));
        using var byCode = await client.GetAsync(new Uri("/search?q=" + SearchCorpus.Draft.Code, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, byCode.StatusCode);
    }

    [Fact]
    public async Task Each_filter_counts_what_choosing_it_would_give()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber");

        Assert.Equal("RSIS Commentary Series (2)", Label(page, "series", "rsis-commentary-series"));
        Assert.Equal("Policy Reports (1)", Label(page, "series", "policy-reports"));
        Assert.Equal("Working Papers (1)", Label(page, "series", "working-papers"));
        Assert.Equal("2014 (1)", Label(page, "year", "2014"));
        Assert.Equal("2013 (2)", Label(page, "year", "2013"));
        Assert.Equal("2012 (1)", Label(page, "year", "2012"));
        Assert.Equal("Test Author One (2)", Label(page, "author", "test-author-one"));
        Assert.Equal("Test Author Two (2)", Label(page, "author", "test-author-two"));
        Assert.Equal("Cyber Security (2)", Label(page, "category", "cyber-security"));
        Assert.Null(page.QuerySelector("#filter-series-books"));
    }

    [Fact]
    public async Task Values_of_one_filter_combine_as_any_of()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber&series=policy-reports&series=working-papers");

        Assert.Equal([SearchCorpus.PolicyReport.Code, SearchCorpus.WorkingPaper.Code], Codes(page).Order().ToList());
        // The series' own counts do not shrink when one of them is chosen: they say what adding another gives.
        Assert.Equal("RSIS Commentary Series (2)", Label(page, "series", "rsis-commentary-series"));
    }

    [Fact]
    public async Task Different_filters_combine_as_all_of_and_narrow_each_others_counts()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber&series=rsis-commentary-series&year=2014");

        Assert.Equal([SearchCorpus.TitleMatch.Code], Codes(page));
        Assert.Equal("2013 (1)", Label(page, "year", "2013"));
        Assert.Equal("RSIS Commentary Series (1)", Label(page, "series", "rsis-commentary-series"));
        Assert.Equal("Test Author One (1)", Label(page, "author", "test-author-one"));
    }

    [Fact]
    public async Task Author_and_category_filters_narrow_to_publications_that_have_them()
    {
        var client = portal.CreateReader();

        var byAuthor = await client.GetPageAsync("/search?q=cyber&author=test-author-two");
        Assert.Equal([SearchCorpus.PolicyReport.Code, SearchCorpus.WorkingPaper.Code], Codes(byAuthor).Order().ToList());

        var byBoth = await client.GetPageAsync("/search?q=cyber&author=test-author-two&category=cyber-security");
        Assert.Equal([SearchCorpus.WorkingPaper.Code], Codes(byBoth));
    }

    [Fact]
    public async Task Chosen_filters_are_shown_checked_with_a_link_that_takes_each_off()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber&year=2013&series=policy-reports");

        Assert.True(page.QuerySelector("#filter-year-2013")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("#filter-series-policy-reports")!.HasAttribute("checked"));
        Assert.False(page.QuerySelector("#filter-series-rsis-commentary-series")!.HasAttribute("checked"));
        var chips = page.QuerySelectorAll(".search-applied a").Select(a => (a.TextContent.Squash(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Remove filter Policy Reports ×", "/search?q=cyber&year=2013"), chips);
        Assert.Contains(("Remove filter 2013 ×", "/search?q=cyber&series=policy-reports"), chips);
        Assert.Equal("/search?q=cyber", page.QuerySelector(".search-filters__clear")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_filter_form_sends_the_words_again_so_a_filtered_view_is_one_shareable_address()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber");

        var form = page.QuerySelector(".search-filters form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("cyber", form.QuerySelector("input[type=hidden][name=q]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Filters_without_words_browse_newest_first()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?category=maritime-security");

        Assert.Equal([SearchCorpus.PolicyReport.Code, SearchCorpus.WorkingPaper.Code], Codes(page));
    }

    [Fact]
    public async Task Results_come_twenty_a_page_with_links_between_pages_that_keep_the_filters()
    {
        var client = portal.CreateReader();

        var first = await client.GetPageAsync("/search?q=zephyr&year=2015");
        Assert.Equal(20, Codes(first).Count);
        Assert.Contains("21 publications match", first.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href");
        Assert.Equal("/search?q=zephyr&year=2015&page=2", next);

        var second = await client.GetPageAsync(next!);
        Assert.Single(Codes(second));
        Assert.Equal("21", second.QuerySelector(".search-result-list")!.GetAttribute("start"));
        Assert.Equal("/search?q=zephyr&year=2015", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
    }

    private static int Occurrences(string text, string word) =>
        System.Text.RegularExpressions.Regex.Count(text, $@"\b{word}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static List<string> Codes(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".publication-item .publication-code").Select(c => c.TextContent.Trim()).ToList();

    private static string? Label(AngleSharp.Html.Dom.IHtmlDocument page, string key, string value) =>
        page.QuerySelector($"label[for='filter-{key}-{value}']")?.TextContent.Squash();
}

/// <summary>The same corpus with relevance scoring switched off, as for a word with thousands of matches.</summary>
public sealed class UnrankedSearchCorpus : SearchCorpus
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPublicationSearch>(sp =>
            new SqlitePublicationSearch(sp.GetRequiredService<PortalDbContext>(), sp.GetRequiredService<SearchSnapshots>())
            {
                RankedMatchLimit = 0,
            }));
    }
}

public sealed class UnrankedSearchTests(UnrankedSearchCorpus portal) : IClassFixture<UnrankedSearchCorpus>
{
    [Fact]
    public async Task Beyond_the_ranking_limit_title_matches_still_come_first_then_newest_first()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber");

        var codes = page.QuerySelectorAll(".publication-item .publication-code").Select(c => c.TextContent.Trim()).ToList();
        // Title matches newest first (2014, 2013, 2012), then the body-only match.
        Assert.Equal([SearchCorpus.TitleMatch.Code, SeedFacts.Code, SearchCorpus.WorkingPaper.Code, SearchCorpus.PolicyReport.Code], codes);
    }
}
