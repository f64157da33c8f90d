using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Application.Sitemap.GetSitemap;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Sitemap;

/// <summary>
/// The seed plus a draft, a scheduled publication and a published one, in this class's own database. Its clock
/// is a fake one, so a test can let an hour pass before staff edit something.
/// </summary>
public sealed class SitemapPortal : StaffPortal, IAsyncLifetime
{
    public static readonly TestPublication Draft = new("CO18001", "Sitemap Draft", Status: PublicationStatus.Draft);
    public static readonly TestPublication Scheduled = new("CO18002", "Sitemap Scheduled", PublishAtUtc: DateTime.UtcNow.AddYears(1));
    public static readonly TestPublication Published = new("PR18003", "Sitemap Published", SeriesSlug: "policy-reports", Authors: ["Sitemap Author"]);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public async ValueTask InitializeAsync()
    {
        await this.AddPublicationAsync(Draft);
        await this.AddPublicationAsync(Scheduled);
        await this.AddPublicationAsync(Published);
    }
}

public sealed class SitemapTests(SitemapPortal portal) : IClassFixture<SitemapPortal>
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_sitemap_lists_every_published_article_with_when_it_last_changed()
    {
        var urls = await UrlsAsync("/sitemap.xml");

        Assert.Contains("http://localhost" + SeedFacts.ArticleUrl, urls.Keys);
        Assert.Contains("http://localhost" + SitemapPortal.Published.Url, urls.Keys);
        var lastmod = urls["http://localhost" + SeedFacts.ArticleUrl];
        Assert.NotNull(lastmod);
        Assert.True(DateTime.ParseExact(lastmod, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) >= new DateTime(2013, 3, 18));
    }

    [Fact]
    public async Task Drafts_and_scheduled_publications_are_not_in_the_sitemap()
    {
        var urls = await UrlsAsync("/sitemap.xml");

        Assert.DoesNotContain(urls.Keys, u => u.Contains("co18001", StringComparison.Ordinal) || u.Contains("co18002", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/publications")]
    [InlineData(SeedFacts.SeriesUrl)]
    [InlineData("/publications/books")]
    [InlineData("/publications/external-policy-reports")]
    [InlineData(SeedFacts.AuthorUrl)]
    [InlineData(SeedFacts.CategoryUrl)]
    [InlineData("/getting-to-rsis")]
    [InlineData("/contact-us")]
    [InlineData("/privacy-statement")]
    [InlineData("/staff-profiles")]
    [InlineData("/about-rsis")]
    public async Task The_sitemap_lists_the_public_pages_series_authors_categories_and_menu_sections(string path)
    {
        var urls = await UrlsAsync("/sitemap.xml");

        Assert.Contains("http://localhost" + path, urls.Keys);
    }

    [Fact]
    public async Task Every_address_in_the_sitemap_answers_200_and_none_is_listed_twice_or_off_the_site()
    {
        var client = portal.CreateReader();
        using var response = await client.GetAsync("/sitemap.xml", TestContext.Current.CancellationToken);
        var locs = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Descendants(Sitemaps + "loc").Select(l => l.Value).ToList();

        Assert.Equal(locs.Count, locs.Distinct().Count());
        foreach (var loc in locs)
        {
            Assert.StartsWith("http://localhost/", loc, StringComparison.Ordinal);
            using var page = await client.GetAsync(new Uri(loc).PathAndQuery, TestContext.Current.CancellationToken);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{loc} answered {(int)page.StatusCode}");
        }
    }

    [Fact]
    public async Task Series_and_author_pages_change_when_their_latest_publication_does()
    {
        const string Series = "http://localhost/publications/policy-reports";
        const string Author = "http://localhost/authors/sitemap-author";
        const string OtherSeries = "http://localhost" + SeedFacts.SeriesUrl;
        var article = "http://localhost" + SitemapPortal.Published.Url;
        var before = await UrlsAsync("/sitemap.xml");
        Assert.Equal(before[article], before[Series]);
        Assert.Equal(before[article], before[Author]);

        // An hour later, staff correct the text of the series' and the author's latest publication.
        portal.Clock.Advance(TimeSpan.FromHours(1));
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await portal.WithDatabaseAsync(db => db.Publications.Where(p => p.Code == SitemapPortal.Published.Code).Select(p => p.Id).SingleAsync());
        using (var saved = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Body", "The corrected text.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var after = await UrlsAsync("/sitemap.xml");
        var editedAt = portal.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        Assert.Equal(editedAt, after[article]);
        Assert.Equal(editedAt, after[Series]);
        Assert.Equal(editedAt, after[Author]);
        Assert.NotEqual(before[Series], after[Series]);
        // A series the publication is not in keeps its date.
        Assert.Equal(before[OtherSeries], after[OtherSeries]);
        // A series with nothing published has no date to give.
        Assert.Null(after["http://localhost/publications/books"]);
    }

    [Fact]
    public async Task Robots_txt_keeps_crawlers_out_of_admin_and_points_to_the_sitemap()
    {
        using var response = await portal.CreateReader().GetAsync("/robots.txt", TestContext.Current.CancellationToken);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n');

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }

    private async Task<Dictionary<string, string?>> UrlsAsync(string path)
    {
        using var response = await portal.CreateReader().GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Sitemaps + "urlset", document.Root!.Name);
        return document.Root.Elements(Sitemaps + "url").ToDictionary(
            u => u.Element(Sitemaps + "loc")!.Value,
            u => u.Element(Sitemaps + "lastmod")?.Value);
    }
}

/// <summary>Ten addresses a file, so the seed alone needs an index of parts; a dozen articles more fill parts of their own.</summary>
public sealed class SmallSitemapFilesPortal : PortalFactory, IAsyncLifetime
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Site:SitemapUrlsPerFile", "10")];

    public async ValueTask InitializeAsync()
    {
        for (var i = 1; i <= 12; i++)
        {
            await this.AddPublicationAsync(new TestPublication($"CO18{100 + i}", $"Sitemap Part Article {i}", PublishedOn: new DateOnly(2018, 1, i)));
        }
    }
}

public sealed class SitemapIndexTests(SmallSitemapFilesPortal portal) : IClassFixture<SmallSitemapFilesPortal>
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Past_the_limit_per_file_the_sitemap_is_an_index_of_parts_that_together_list_everything_once()
    {
        var client = portal.CreateReader();
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml", TestContext.Current.CancellationToken));

        Assert.Equal(Sitemaps + "sitemapindex", index.Root!.Name);
        var parts = index.Descendants(Sitemaps + "loc").Select(l => l.Value).ToList();
        Assert.True(parts.Count > 1);
        Assert.Equal("http://localhost/sitemap-1.xml", parts[0]);

        var locs = new List<string>();
        foreach (var part in parts)
        {
            var urls = XDocument.Parse(await client.GetStringAsync(new Uri(part).PathAndQuery, TestContext.Current.CancellationToken))
                .Descendants(Sitemaps + "loc").Select(l => l.Value).ToList();
            Assert.InRange(urls.Count, 1, 10);
            locs.AddRange(urls);
        }

        // The same addresses, in the same order, as the whole sitemap in one file: each exactly once.
        var whole = await portal.WithServiceAsync<ISender, SitemapDocument?>(async sender => await sender.Send(new GetSitemap(Part: null), TestContext.Current.CancellationToken));
        Assert.False(whole!.IsIndex);
        Assert.Equal(whole.Urls.Select(u => "http://localhost" + u.Path), locs);
        Assert.Equal(locs.Count, locs.Distinct().Count());
        Assert.Equal((locs.Count + 9) / 10, parts.Count);
        Assert.Contains("http://localhost" + SeedFacts.ArticleUrl, locs);
        Assert.Contains("http://localhost/", locs);
        Assert.All(Enumerable.Range(1, 12), i => Assert.Contains(locs, l => l.EndsWith($"/co18{100 + i}-sitemap-part-article-{i}", StringComparison.Ordinal)));

        using var beyond = await client.GetAsync($"/sitemap-{parts.Count + 1}.xml", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }
}
