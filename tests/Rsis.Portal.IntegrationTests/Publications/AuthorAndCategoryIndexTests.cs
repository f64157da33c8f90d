using System.Net;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

public sealed class AuthorAndCategoryIndexTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Authors_index_counts_published_publications_and_files_accented_names_under_their_base_letter()
    {
        await portal.AddPublicationAsync(new TestPublication("WP15001", "Rivers", SeriesSlug: "working-papers", Authors: ["Émile Durand"]));
        await portal.AddPublicationAsync(new TestPublication("WP15002", "Lakes", SeriesSlug: "working-papers", Authors: ["Émile Durand"]));
        await portal.AddPublicationAsync(new TestPublication(
            "WP15003", "Ponds", SeriesSlug: "working-papers", Authors: ["Émile Durand", "Xanthe Unpublished"], Status: PublicationStatus.Draft));

        var page = await portal.CreateReader().GetPageAsync("/authors?letter=E");

        // Under E: the É names (another test of the class adds Émile Caron), and not the seed's C. Raja Mohan.
        var names = page.QuerySelectorAll(".index-entry__name").Select(n => n.TextContent).ToList();
        Assert.All(names, name => Assert.StartsWith("É", name, StringComparison.Ordinal));
        var entry = Assert.Single(page.QuerySelectorAll(".index-entry"), e => e.QuerySelector(".index-entry__name")!.TextContent == "Émile Durand");
        Assert.Equal("2 publications", entry.QuerySelector(".index-entry__count")!.TextContent);
        Assert.Equal("/feeds/authors/emile-durand.rss", entry.QuerySelector(".index-entry__feed")!.GetAttribute("href"));
        // A draft's only author is nobody's to read yet: X has nobody, shown but not a link.
        var letters = page.QuerySelectorAll(".author-index__letters li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(27, letters.Count);
        Assert.Null(page.QuerySelector(".author-index__letters a[href='/authors?letter=X']"));
        Assert.NotNull(page.QuerySelector(".author-index__letters a[href='/authors?letter=C']"));
        Assert.Equal("E", page.QuerySelector(".author-index__letters [aria-current='page']")!.TextContent);
    }

    [Fact]
    public async Task Authors_index_lists_everyone_by_default_and_finds_a_name_without_its_accents()
    {
        await portal.AddPublicationAsync(new TestPublication("WP15011", "Hills", SeriesSlug: "working-papers", Authors: ["Zoë Ångström"]));
        var reader = portal.CreateReader();

        var all = await reader.GetPageAsync("/authors");
        var found = await reader.GetPageAsync("/authors?q=angstrom");

        Assert.Contains(all.QuerySelectorAll(".index-entry__name"), a => a.TextContent == SeedFacts.Author);
        Assert.Contains(all.QuerySelectorAll(".index-entry__name"), a => a.TextContent == "Zoë Ångström");
        Assert.Equal(["Zoë Ångström"], found.QuerySelectorAll(".index-entry__name").Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_lower_case_or_accented_letter_means_its_base_letter()
    {
        await portal.AddPublicationAsync(new TestPublication("WP15021", "Caves", SeriesSlug: "working-papers", Authors: ["Émile Caron"]));
        var reader = portal.CreateReader();

        var accented = await reader.GetPageAsync("/authors?letter=" + Uri.EscapeDataString("é"));
        var lower = await reader.GetPageAsync("/authors?letter=c");

        Assert.Contains(accented.QuerySelectorAll(".index-entry__name"), a => a.TextContent == "Émile Caron");
        Assert.Equal("E", accented.QuerySelector(".author-index__letters [aria-current='page']")!.TextContent);
        Assert.Equal([SeedFacts.Author], lower.QuerySelectorAll(".index-entry__name").Select(a => a.TextContent));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("<script>")]
    [InlineData("😀")]
    [InlineData("1")]
    [InlineData("ß")]
    public async Task Anything_but_one_letter_gets_a_400_page_saying_so(string letter)
    {
        var page = await portal.CreateReader().GetPageAsync("/authors?letter=" + Uri.EscapeDataString(letter), HttpStatusCode.BadRequest);

        Assert.Contains("must be one letter from A to Z", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("footer"));
    }

    [Theory]
    [InlineData("/authors?page=-1")]
    [InlineData("/categories?page=-1")]
    [InlineData("/authors?q=%3Cscript%3E")]
    public async Task Pages_and_odd_searches_are_answered_not_failed(string url)
    {
        var page = await portal.CreateReader().GetPageAsync(url);

        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Fact]
    public async Task Categories_index_lists_topics_with_their_published_counts_and_feeds()
    {
        await portal.AddPublicationAsync(new TestPublication("WP15031", "Glaciers", SeriesSlug: "working-papers", Categories: ["Polar Studies"]));
        await portal.AddPublicationAsync(new TestPublication("WP15032", "Fjords", SeriesSlug: "working-papers", Categories: ["Polar Studies"]));
        await portal.AddPublicationAsync(new TestPublication(
            "WP15033", "Tundra", SeriesSlug: "working-papers", Categories: ["Unpublished Topic"], Status: PublicationStatus.Draft));

        var page = await portal.CreateReader().GetPageAsync("/categories");

        var entries = page.QuerySelectorAll(".index-entry").ToDictionary(
            e => e.QuerySelector(".index-entry__name")!.TextContent, e => e.QuerySelector(".index-entry__count")!.TextContent);
        Assert.Equal("2 publications", entries["Polar Studies"]);
        Assert.Equal("1 publication", entries["RSIS Commentary Series"]);
        Assert.False(entries.ContainsKey("Unpublished Topic"));
        Assert.NotNull(page.QuerySelector("a.index-entry__feed[href='/feeds/categories/polar-studies.rss']"));
    }

    [Fact]
    public async Task Both_indexes_are_in_the_sitemap_and_in_the_breadcrumbs_of_an_author_and_a_category()
    {
        var reader = portal.CreateReader();
        var sitemap = await reader.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative), TestContext.Current.CancellationToken);
        var author = await reader.GetPageAsync(SeedFacts.AuthorUrl);
        var category = await reader.GetPageAsync(SeedFacts.CategoryUrl);

        Assert.Contains("<loc>http://localhost/authors</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>http://localhost/categories</loc>", sitemap, StringComparison.Ordinal);
        Assert.NotNull(author.QuerySelector("nav[aria-label='Breadcrumb'] a[href='/authors'], .breadcrumb a[href='/authors']"));
        Assert.NotNull(category.QuerySelector("nav[aria-label='Breadcrumb'] a[href='/categories'], .breadcrumb a[href='/categories']"));
    }
}
