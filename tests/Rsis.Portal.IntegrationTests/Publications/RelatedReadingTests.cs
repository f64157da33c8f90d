using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>
/// "More from this series", "More by …" and "Related" under an article. Each test makes its publications in a
/// series, with authors, categories and words of its own, so the tests of the class do not meet in each other's blocks.
/// </summary>
public sealed class RelatedReadingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Series_block_lists_the_others_of_the_series_newest_first_without_the_article_itself()
    {
        var older = await AddAsync("AR14001", "Harbour Pilots of Valletta", "annual-reviews", new DateOnly(2014, 1, 10));
        var shown = await AddAsync("AR14002", "Lighthouse Keepers of Gozo", "annual-reviews", new DateOnly(2014, 2, 10));
        var newer = await AddAsync("AR14003", "Ferry Timetables of Comino", "annual-reviews", new DateOnly(2014, 3, 10));

        var blocks = Blocks(await portal.CreateReader().GetPageAsync(shown.Url));

        Assert.Equal([newer.Url, older.Url], blocks["more-from-this-series"]);
    }

    [Fact]
    public async Task Author_block_lists_the_authors_other_publications_under_their_name()
    {
        var article = await AddAsync("BK14001", "Orchards of Kandy", "books", authors: ["Imelda Quarrington"]);
        var elsewhere = await AddAsync("WP14001", "Tea Auctions in Colombo", "working-papers", authors: ["Imelda Quarrington", "Osric Pemberley"]);

        var page = await portal.CreateReader().GetPageAsync(article.Url);

        Assert.Equal("More by Imelda Quarrington", page.GetElementById("more-by-imelda-quarrington")!.TextContent.Trim());
        Assert.Equal([elsewhere.Url], Blocks(page)["more-by-imelda-quarrington"]);
    }

    [Fact]
    public async Task Related_block_finds_a_publication_of_another_series_and_author_sharing_a_category()
    {
        var article = await AddAsync("NI14001", "Monsoon Fisheries", "nts-insight", authors: ["Perpetua Lindqvist"], categories: ["Aquaculture Policy"]);
        var sharing = await AddAsync("FI14001", "Brackish Ponds", "future-issues", authors: ["Thaddeus Oyelaran"], categories: ["Aquaculture Policy"]);

        var blocks = Blocks(await portal.CreateReader().GetPageAsync(article.Url));

        Assert.Equal([sharing.Url], blocks["related"]);
    }

    [Fact]
    public async Task Related_block_finds_a_publication_with_similar_words_in_its_title_and_synopsis()
    {
        var article = await AddAsync(
            "MO14001", "Quokka Habitats on Rottnest", "monographs", synopsis: "Quokka colonies shrink as Rottnest scrubland burns.");
        var similar = await AddAsync(
            "IP14001", "Island Marsupials", "idss-papers", synopsis: "Counting the quokka population of Rottnest after bushfires.");
        await AddAsync("IR14001", "Temple Festivals", "interreligious-relations", synopsis: "Processions and lanterns in Penang.");

        var blocks = Blocks(await portal.CreateReader().GetPageAsync(article.Url));

        Assert.Equal([similar.Url], blocks["related"]);
    }

    [Fact]
    public async Task No_publication_appears_twice_and_no_block_holds_more_than_five()
    {
        TestPublication article = null!;
        for (var i = 1; i <= 9; i++)
        {
            var added = await AddAsync(
                $"PR1400{i}", $"Estuary Dredging Report {i}", "policy-reports", new DateOnly(2014, 1, i),
                authors: ["Wilhelmina Strandberg"], categories: ["Estuary Management"], synopsis: $"Estuary dredging, part {i}.");
            article = i == 9 ? added : article;
        }

        var blocks = Blocks(await portal.CreateReader().GetPageAsync(article.Url));

        // Eight others: the five newest from the series, the other three by the same author, none left for "Related".
        Assert.Equal(5, blocks["more-from-this-series"].Count);
        Assert.Equal(3, blocks["more-by-wilhelmina-strandberg"].Count);
        Assert.False(blocks.ContainsKey("related"));
        var all = blocks.Values.SelectMany(b => b).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.DoesNotContain(article.Url, all);
    }

    [Fact]
    public async Task An_article_with_nothing_related_shows_no_blocks()
    {
        var alone = await AddAsync("CR14001", "Zeppelin Moorings", "commemorative-event-reports", synopsis: "Airships over Seletar.");

        var page = await portal.CreateReader().GetPageAsync(alone.Url);

        Assert.Null(page.QuerySelector(".related-reading"));
    }

    private async Task<TestPublication> AddAsync(
        string code, string title, string series, DateOnly? publishedOn = null, string[]? authors = null, string[]? categories = null,
        string? synopsis = null)
    {
        var publication = new TestPublication(
            code, title, SeriesSlug: series, PublishedOn: publishedOn, Authors: authors, Categories: categories,
            Synopsis: synopsis ?? $"About {title}.");
        await portal.AddPublicationAsync(publication);
        return publication;
    }

    /// <summary>Each block's heading id and the addresses it links to, in order.</summary>
    internal static Dictionary<string, List<string>> Blocks(IHtmlDocument page) =>
        page.QuerySelectorAll(".related-reading__block").ToDictionary(
            block => block.QuerySelector("h2")!.Id!,
            block => block.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")!).ToList());
}

/// <summary>A publication staff publish in the series evicts the cached article, whose series block then lists it.</summary>
public sealed class RelatedReadingCacheTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    [Fact]
    public async Task A_new_publication_in_the_series_shows_under_the_cached_article_at_once()
    {
        var reader = portal.CreateReader();
        var before = await reader.GetPageAsync(SeedFacts.ArticleUrl);
        Assert.False(RelatedReadingTests.Blocks(before).ContainsKey("more-from-this-series"));

        var seriesId = await portal.WithDatabaseAsync(db => db.Series.Where(s => s.Slug == "rsis-commentary-series").Select(s => s.Id).SingleAsync());
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync(
            "Semaphore Towers of Pulau Ubin", status: "Published",
            change: form => form.Set("SeriesId", seriesId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var address = await staff.PublicAddressAsync(id);

        var after = await reader.GetPageAsync(SeedFacts.ArticleUrl);
        Assert.Contains(address, RelatedReadingTests.Blocks(after)["more-from-this-series"]);
    }
}
