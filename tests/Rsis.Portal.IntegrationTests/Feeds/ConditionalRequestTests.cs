using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Feeds;

/// <summary>
/// Feed readers and crawlers poll: the feeds and the sitemap say when they changed and what version they are,
/// answer 304 to a poller that already has them (first drawn or from the output cache alike), and date the
/// seeded commentary by its publication, not by the day the database was made.
/// </summary>
public sealed class ConditionalRequestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly DateTimeOffset Published = new(2013, 3, 18, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/feeds/publications.rss")]
    [InlineData("/feeds/publications.atom")]
    [InlineData("/feeds/series/rsis-commentary-series.atom")]
    [InlineData("/sitemap.xml")]
    public async Task A_poller_that_has_the_current_version_gets_304_without_a_body(string path)
    {
        var reader = portal.CreateReader();
        using var first = await reader.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var tag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;

        using var byTag = await SendAsync(path, request => request.Headers.IfNoneMatch.Add(tag!));
        using var byDate = await SendAsync(path, request => request.Headers.IfModifiedSince = lastModified);
        using var stale = await SendAsync(path, request => request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-version\"")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(tag);
        Assert.NotNull(lastModified);
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(tag, byTag.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(tag, stale.Headers.ETag);
    }

    [Fact]
    public async Task A_feed_first_drawn_for_a_conditional_request_answers_304_from_its_date()
    {
        // Nothing has asked for this feed yet, so the output cache has no copy: the feed itself answers.
        const string path = "/feeds/authors/c-raja-mohan.atom";

        using var unchanged = await SendAsync(path, request => request.Headers.IfModifiedSince = Published.AddDays(1));
        using var changedSince = await SendAsync(path, request => request.Headers.IfModifiedSince = Published.AddDays(-1));

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changedSince.StatusCode);
        Assert.Equal(Published, changedSince.Content.Headers.LastModified);
    }

    [Fact]
    public async Task The_seeded_commentary_last_changed_when_it_was_published()
    {
        var reader = portal.CreateReader();
        using var atomResponse = await reader.GetAsync(new Uri("/feeds/publications.atom", UriKind.Relative), TestContext.Current.CancellationToken);
        var atom = XDocument.Parse(await atomResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var sitemapResponse = await reader.GetAsync(new Uri("/sitemap.xml", UriKind.Relative), TestContext.Current.CancellationToken);
        var sitemap = XDocument.Parse(await sitemapResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var article = await reader.GetPageAsync(SeedFacts.ArticleUrl);
        using var jsonLd = JsonDocument.Parse(article.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var report = jsonLd.RootElement.GetProperty("@graph").EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "Report");

        Assert.Equal("2013-03-18T00:00:00Z", atom.Root!.Element(Atom + "entry")!.Element(Atom + "updated")!.Value);
        Assert.Equal("2013-03-18T00:00:00Z", atom.Root.Element(Atom + "updated")!.Value);
        Assert.Equal(Published, atomResponse.Content.Headers.LastModified);
        var url = sitemap.Root!.Elements(Sitemaps + "url").Single(u => u.Element(Sitemaps + "loc")!.Value == "http://localhost" + SeedFacts.ArticleUrl);
        Assert.Equal("2013-03-18T00:00:00Z", url.Element(Sitemaps + "lastmod")!.Value);
        Assert.Equal("2013-03-18T00:00:00Z", report.GetProperty("dateModified").GetString());
    }

    private async Task<HttpResponseMessage> SendAsync(string path, Action<HttpRequestMessage> condition)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        condition(request);
        return await portal.CreateReader().SendAsync(request, TestContext.Current.CancellationToken);
    }
}
