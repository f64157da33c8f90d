using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Feeds;

public sealed class PublicationsFeedTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    [Fact]
    public async Task The_footers_rss_feed_lists_the_commentary_with_an_absolute_link()
    {
        var (feed, contentType) = await GetFeedAsync("/feeds/publications.rss");

        Assert.Equal("application/rss+xml", contentType);
        Assert.Equal("2.0", feed.Root!.Attribute("version")!.Value);
        var item = Assert.Single(feed.Descendants("item"));
        Assert.Equal(SeedFacts.Heading, item.Element("title")!.Value);
        Assert.Equal("http://localhost" + SeedFacts.ArticleUrl, item.Element("link")!.Value);
        Assert.Equal("Mon, 18 Mar 2013 00:00:00 GMT", item.Element("pubDate")!.Value);
        Assert.StartsWith(SeedFacts.SynopsisStart, item.Element("description")!.Value, StringComparison.Ordinal);
        Assert.Equal([SeedFacts.Author], item.Elements(DublinCore + "creator").Select(c => c.Value));
        Assert.Equal("RSIS Commentary Series", item.Element("category")!.Value);
    }

    [Fact]
    public async Task The_rss_channel_names_itself_and_links_to_the_publications_page()
    {
        var (feed, _) = await GetFeedAsync("/feeds/publications.rss");

        var channel = feed.Root!.Element("channel")!;
        Assert.Equal("S. Rajaratnam School of International Studies: latest publications", channel.Element("title")!.Value);
        Assert.Equal("http://localhost/publications", channel.Element("link")!.Value);
        Assert.Equal("en", channel.Element("language")!.Value);
        var self = channel.Element(Atom + "link")!;
        Assert.Equal(("self", "http://localhost/feeds/publications.rss"), (self.Attribute("rel")!.Value, self.Attribute("href")!.Value));
        Assert.True(DateTime.TryParseExact(channel.Element("lastBuildDate")!.Value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _));
    }

    [Fact]
    public async Task Rss_guids_are_tag_uris_made_from_the_code_not_the_address()
    {
        var (feed, _) = await GetFeedAsync("/feeds/publications.rss");

        var guid = feed.Descendants("guid").Single();
        Assert.Equal("false", guid.Attribute("isPermaLink")!.Value);
        Assert.Equal("tag:localhost,2013-03-18:publications/CO13046", guid.Value);
    }

    [Fact]
    public async Task The_atom_feed_carries_the_commentary_with_rfc_3339_dates_and_its_author()
    {
        var (feed, contentType) = await GetFeedAsync("/feeds/publications.atom");

        Assert.Equal("application/atom+xml", contentType);
        var root = feed.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.Equal("http://localhost/feeds/publications.atom", root.Element(Atom + "id")!.Value);
        Assert.Contains(root.Elements(Atom + "link"), l => l.Attribute("rel")!.Value == "self" && l.Attribute("href")!.Value == "http://localhost/feeds/publications.atom");
        Assert.Equal("S. Rajaratnam School of International Studies", root.Element(Atom + "author")!.Element(Atom + "name")!.Value);

        var entry = Assert.Single(root.Elements(Atom + "entry"));
        Assert.Equal("tag:localhost,2013-03-18:publications/CO13046", entry.Element(Atom + "id")!.Value);
        Assert.Equal(SeedFacts.Heading, entry.Element(Atom + "title")!.Value);
        Assert.Equal("2013-03-18T00:00:00Z", entry.Element(Atom + "published")!.Value);
        var updated = DateTime.ParseExact(entry.Element(Atom + "updated")!.Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Assert.True(updated >= new DateTime(2013, 3, 18));
        var alternate = entry.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate");
        Assert.Equal("http://localhost" + SeedFacts.ArticleUrl, alternate.Attribute("href")!.Value);
        var pdf = entry.Elements(Atom + "link").Single(l => l.Attribute("type")!.Value == "application/pdf");
        Assert.Equal("http://localhost" + SeedFacts.ArticleUrl + ".pdf", pdf.Attribute("href")!.Value);
        var author = Assert.Single(entry.Elements(Atom + "author"));
        Assert.Equal(SeedFacts.Author, author.Element(Atom + "name")!.Value);
        Assert.Equal("http://localhost" + SeedFacts.AuthorUrl, author.Element(Atom + "uri")!.Value);
        Assert.StartsWith(SeedFacts.SynopsisStart, entry.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/feeds/series/rsis-commentary-series", "RSIS Commentary Series: S. Rajaratnam School of International Studies")]
    [InlineData("/feeds/authors/c-raja-mohan", "Publications by C. Raja Mohan: S. Rajaratnam School of International Studies")]
    [InlineData("/feeds/categories/rsis-commentary-series", "RSIS Commentary Series: S. Rajaratnam School of International Studies")]
    public async Task Each_series_author_and_category_has_an_rss_and_an_atom_feed_with_its_publications(string path, string title)
    {
        var (rss, _) = await GetFeedAsync(path + ".rss");
        var (atom, _) = await GetFeedAsync(path + ".atom");

        Assert.Equal(title, rss.Root!.Element("channel")!.Element("title")!.Value);
        Assert.Equal(SeedFacts.Heading, Assert.Single(rss.Descendants("item")).Element("title")!.Value);
        Assert.Equal(title, atom.Root!.Element(Atom + "title")!.Value);
        Assert.Equal(SeedFacts.Heading, Assert.Single(atom.Root.Elements(Atom + "entry")).Element(Atom + "title")!.Value);
        Assert.Equal("http://localhost" + path + ".atom", atom.Root.Element(Atom + "id")!.Value);
    }

    [Fact]
    public async Task A_series_without_publications_has_a_valid_empty_feed()
    {
        var (rss, _) = await GetFeedAsync("/feeds/series/books.rss");
        var (atom, _) = await GetFeedAsync("/feeds/series/books.atom");

        Assert.Empty(rss.Descendants("item"));
        Assert.Empty(atom.Root!.Elements(Atom + "entry"));
        Assert.NotEmpty(atom.Root.Element(Atom + "updated")!.Value);
    }

    [Theory]
    [InlineData("/feeds/series/no-such-series.rss")]
    [InlineData("/feeds/authors/no-such-author.atom")]
    [InlineData("/feeds/categories/no-such-category.rss")]
    [InlineData("/feeds/publications.json")]
    public async Task A_feed_of_nothing_is_not_found(string path)
    {
        using var response = await portal.CreateReader().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/", "/feeds/publications.rss", "/feeds/publications.atom")]
    [InlineData(SeedFacts.ArticleUrl, "/feeds/publications.rss", "/feeds/publications.atom")]
    [InlineData(SeedFacts.SeriesUrl, "/feeds/series/rsis-commentary-series.rss", "/feeds/series/rsis-commentary-series.atom")]
    [InlineData(SeedFacts.AuthorUrl, "/feeds/authors/c-raja-mohan.rss", "/feeds/authors/c-raja-mohan.atom")]
    [InlineData(SeedFacts.CategoryUrl, "/feeds/categories/rsis-commentary-series.rss", "/feeds/categories/rsis-commentary-series.atom")]
    public async Task Pages_announce_their_feeds_in_the_head_and_each_announced_feed_answers(string page, string rss, string atom)
    {
        var client = portal.CreateReader();
        var document = await client.GetPageAsync(page);

        var alternates = document.Head!.QuerySelectorAll("link[rel=alternate]")
            .Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
        Assert.Contains(("application/rss+xml", rss), alternates);
        Assert.Contains(("application/atom+xml", atom), alternates);
        foreach (var (_, href) in alternates)
        {
            using var response = await client.GetAsync(href, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(SeedFacts.SeriesUrl, "/feeds/series/rsis-commentary-series.rss")]
    [InlineData(SeedFacts.AuthorUrl, "/feeds/authors/c-raja-mohan.rss")]
    [InlineData(SeedFacts.CategoryUrl, "/feeds/categories/rsis-commentary-series.rss")]
    public async Task Series_author_and_category_pages_offer_a_visible_subscribe_link(string page, string rss)
    {
        var document = await portal.CreateReader().GetPageAsync(page);

        var links = document.QuerySelectorAll(".feed-subscribe a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(rss, links);
    }

    private async Task<(XDocument Feed, string? ContentType)> GetFeedAsync(string path)
    {
        using var response = await portal.CreateReader().GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class FeedVisibilityTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Feeds_list_published_publications_newest_first_and_never_drafts_or_scheduled_ones()
    {
        await portal.AddPublicationAsync(new TestPublication("CO17001", "Feed Draft", Authors: ["Feed Tester"], Status: PublicationStatus.Draft));
        await portal.AddPublicationAsync(new TestPublication("CO17002", "Feed Scheduled", Authors: ["Feed Tester"], PublishAtUtc: DateTime.UtcNow.AddYears(1)));
        await portal.AddPublicationAsync(new TestPublication("CO17003", "Feed Published", Authors: ["Feed Tester"], PublishedOn: new DateOnly(2017, 1, 2)));
        var client = portal.CreateReader();

        var latest = XDocument.Parse(await client.GetStringAsync("/feeds/publications.rss", TestContext.Current.CancellationToken));
        var byAuthor = XDocument.Parse(await client.GetStringAsync("/feeds/authors/feed-tester.rss", TestContext.Current.CancellationToken));

        Assert.Equal(["CO17003 | Feed Published", SeedFacts.Heading], latest.Descendants("item").Select(i => i.Element("title")!.Value));
        Assert.Equal(["CO17003 | Feed Published"], byAuthor.Descendants("item").Select(i => i.Element("title")!.Value));
    }
}

/// <summary>Staff rename publications here, so it has a database of its own.</summary>
public sealed class FeedItemIdentityTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task A_renamed_publication_keeps_its_rss_guid_and_atom_id_so_a_changed_slug_is_not_a_new_item()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Naval Diplomacy in the South China Sea", status: "Published");
        var oldAddress = await staff.PublicAddressAsync(id);
        var reader = portal.CreateReader();
        // Read (and so cache) both feeds first: the rename must evict them.
        var rssBefore = XDocument.Parse(await reader.GetStringAsync(new Uri("/feeds/publications.rss", UriKind.Relative), cancellation));
        var atomBefore = XDocument.Parse(await reader.GetStringAsync(new Uri("/feeds/publications.atom", UriKind.Relative), cancellation));
        var guid = rssBefore.Descendants("item").Single(i => i.Element("link")!.Value == "http://localhost" + oldAddress).Element("guid")!.Value;
        var atomId = atomBefore.Descendants(Atom + "entry").Single(e => Alternate(e) == "http://localhost" + oldAddress).Element(Atom + "id")!.Value;

        using (var renamed = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Title", "Coast Guard Diplomacy in the South China Sea")))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        var newAddress = await staff.PublicAddressAsync(id);
        var rss = XDocument.Parse(await reader.GetStringAsync(new Uri("/feeds/publications.rss", UriKind.Relative), cancellation));
        var atom = XDocument.Parse(await reader.GetStringAsync(new Uri("/feeds/publications.atom", UriKind.Relative), cancellation));

        Assert.NotEqual(oldAddress, newAddress);
        // One item, at its new address and with its new title, under the guid and id it had before.
        var item = Assert.Single(rss.Descendants("item"), i => i.Element("guid")!.Value == guid);
        Assert.Equal("http://localhost" + newAddress, item.Element("link")!.Value);
        Assert.EndsWith("| Coast Guard Diplomacy in the South China Sea", item.Element("title")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(rss.Descendants("item"), i => i.Element("link")!.Value == "http://localhost" + oldAddress);
        var entry = Assert.Single(atom.Descendants(Atom + "entry"), e => e.Element(Atom + "id")!.Value == atomId);
        Assert.Equal("http://localhost" + newAddress, Alternate(entry));
        Assert.Equal(rssBefore.Descendants("item").Count(), rss.Descendants("item").Count());
        Assert.Equal(atomBefore.Descendants(Atom + "entry").Count(), atom.Descendants(Atom + "entry").Count());
    }

    private static string? Alternate(XElement entry) =>
        entry.Elements(Atom + "link").SingleOrDefault(l => l.Attribute("rel")?.Value == "alternate")?.Attribute("href")?.Value;
}

/// <summary>
/// 32 commentaries, all newer than the seed's CO13046, added in an order that is not their date order: more
/// than a feed carries, in a database of their own.
/// </summary>
public sealed class FeedLengthPortal : PortalFactory, IAsyncLifetime
{
    public static readonly IReadOnlyList<TestPublication> Added = Enumerable.Range(1, 32)
        .Select(i => new TestPublication($"CO16{i:000}", $"Feed Length {i}", PublishedOn: new DateOnly(2016, 1, 1).AddDays(i * 7 % 32 * 3)))
        .ToList();

    public async ValueTask InitializeAsync()
    {
        foreach (var publication in Added)
        {
            await this.AddPublicationAsync(publication);
        }
    }
}

public sealed class FeedLengthTests(FeedLengthPortal portal) : IClassFixture<FeedLengthPortal>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData("/feeds/publications")]
    [InlineData("/feeds/series/rsis-commentary-series")]
    public async Task A_feed_lists_the_thirty_newest_publications_newest_first(string feed)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var expected = FeedLengthPortal.Added.OrderByDescending(p => p.PublishedOn).Take(30).Select(p => "http://localhost" + p.Url).ToList();
        var reader = portal.CreateReader();

        var rss = XDocument.Parse(await reader.GetStringAsync(new Uri(feed + ".rss", UriKind.Relative), cancellation));
        var atom = XDocument.Parse(await reader.GetStringAsync(new Uri(feed + ".atom", UriKind.Relative), cancellation));

        Assert.Equal(expected, rss.Descendants("item").Select(i => i.Element("link")!.Value));
        Assert.Equal(expected, atom.Root!.Elements(Atom + "entry")
            .Select(e => e.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value));
    }
}

/// <summary>A portal public at https://www.rsis.example (the only host it answers, so its readers come there).</summary>
public sealed class ConfiguredBaseUrlPortal : PortalFactory
{
    protected override string PublicBaseUrl => "https://www.rsis.example/";
}

public sealed class FeedBaseUrlTests(ConfiguredBaseUrlPortal portal) : IClassFixture<ConfiguredBaseUrlPortal>
{
    [Fact]
    public async Task Feeds_use_the_configured_public_base_url()
    {
        using var response = await portal.CreateReader().GetAsync("/feeds/publications.atom", TestContext.Current.CancellationToken);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        XNamespace atom = "http://www.w3.org/2005/Atom";

        var entry = feed.Root!.Element(atom + "entry")!;
        Assert.Equal("tag:www.rsis.example,2013-03-18:publications/CO13046", entry.Element(atom + "id")!.Value);
        Assert.Equal("https://www.rsis.example" + SeedFacts.ArticleUrl, entry.Element(atom + "link")!.Attribute("href")!.Value);
    }
}
