using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>
/// A publication scheduled for later appears on its own when its time comes, even on cached pages. The
/// portal's clock is a fake one the test moves forward, so nothing waits for real time to pass.
/// </summary>
public sealed class ScheduledPublishingTests(ScheduledPublishingTests.WithFakeClock portal) : IClassFixture<ScheduledPublishingTests.WithFakeClock>
{
    public sealed class WithFakeClock : PortalFactory
    {
        private TaskCompletionSource _listingsEvicted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SchedulerClock Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));

                // The app's own cache, watched: the test learns when the eviction has happened instead of guessing.
                var real = services.Single(s => s.ServiceType == typeof(IPublicPageCache));
                services.Remove(real);
                services.AddSingleton<IPublicPageCache>(provider =>
                    new WatchedCache((IPublicPageCache)ActivatorUtilities.CreateInstance(provider, real.ImplementationType!), this));
            });
        }

        /// <summary>
        /// Moves the portal's clock on by <paramref name="time"/> and answers when the scheduler has evicted the
        /// pages listing publications. It first waits for the scheduler's timer to exist: a timer made after the
        /// clock moved would never see that time pass.
        /// </summary>
        public async Task AdvanceUntilListingsEvictedAsync(TimeSpan time)
        {
            var cancellation = TestContext.Current.CancellationToken;
            await Clock.SchedulerStarted.WaitAsync(TimeSpan.FromSeconds(30), cancellation);
            var evicted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _listingsEvicted, evicted);
            Clock.Advance(time);
            await evicted.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellation);
        }

        private sealed class WatchedCache(IPublicPageCache cache, WithFakeClock portal) : IPublicPageCache
        {
            public async ValueTask EvictAsync(string tag, CancellationToken cancellationToken)
            {
                await cache.EvictAsync(tag, cancellationToken);
                if (tag == CacheTags.Site)
                {
                    Volatile.Read(ref portal._listingsEvicted).TrySetResult();
                }
            }
        }
    }

    /// <summary>A fake clock that also tells when the scheduled-publishing check (every 30 seconds) has started its timer.</summary>
    public sealed class SchedulerClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly TaskCompletionSource _schedulerStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SchedulerStarted => _schedulerStarted.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (period == TimeSpan.FromSeconds(30))
            {
                _schedulerStarted.TrySetResult();
            }

            return timer;
        }
    }

    [Fact]
    public async Task A_scheduled_commentary_appears_on_the_cached_series_page_and_at_its_address_when_its_time_comes()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var reader = portal.CreateReader();
        var publication = new TestPublication("CO19001", "Straits Shipping Comes Out Later",
            PublishedOn: new DateOnly(2099, 1, 1), PublishAtUtc: portal.Clock.GetUtcNow().UtcDateTime.AddSeconds(10));
        await portal.AddPublicationAsync(publication);

        // Before its time: not at its address, not on the series page (which is now cached without it).
        using (var early = await reader.GetAsync(new Uri(publication.Url, UriKind.Relative), cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        var before = await reader.GetPageAsync("/publications/rsis-commentary-series");
        Assert.DoesNotContain("Straits Shipping Comes Out Later", before.Body!.TextContent, StringComparison.Ordinal);

        // Its time passes and the next check of the scheduler runs.
        await portal.AdvanceUntilListingsEvictedAsync(TimeSpan.FromSeconds(31));

        var after = await reader.GetPageAsync("/publications/rsis-commentary-series");
        Assert.Contains(after.QuerySelectorAll("a"), a => a.TextContent.Contains("Straits Shipping Comes Out Later", StringComparison.Ordinal));
        using var article = await reader.GetAsync(new Uri(publication.Url, UriKind.Relative), cancellation);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
    }

    [Fact]
    public async Task A_scheduled_commentary_reaches_search_the_feeds_the_sitemap_and_the_home_page_when_its_time_comes()
    {
        var reader = portal.CreateReader();
        var publication = new TestPublication("CO19002", "Quokka Diplomacy in the Indian Ocean",
            PublishedOn: new DateOnly(2099, 2, 1), PublishAtUtc: portal.Clock.GetUtcNow().UtcDateTime.AddSeconds(10));
        await portal.AddPublicationAsync(publication);

        // Before its time it is nowhere, and each of these pages is now cached without it.
        var before = await PlacesAsync(reader, publication);
        Assert.Equal(new Places(false, false, false, false, false), before);

        await portal.AdvanceUntilListingsEvictedAsync(TimeSpan.FromSeconds(31));

        var after = await PlacesAsync(reader, publication);
        Assert.Equal(new Places(Search: true, Rss: true, Atom: true, Sitemap: true, Home: true), after);
    }

    private sealed record Places(bool Search, bool Rss, bool Atom, bool Sitemap, bool Home);

    /// <summary>Where a reader finds <paramref name="publication"/>: search, the two latest-publications feeds, the sitemap, the home page.</summary>
    private static async Task<Places> PlacesAsync(HttpClient reader, TestPublication publication)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var search = await reader.GetPageAsync("/search?q=quokka");
        var rss = XDocument.Parse(await reader.GetStringAsync(new Uri("/feeds/publications.rss", UriKind.Relative), cancellation));
        var atom = XDocument.Parse(await reader.GetStringAsync(new Uri("/feeds/publications.atom", UriKind.Relative), cancellation));
        var sitemap = XDocument.Parse(await reader.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative), cancellation));
        var home = await reader.GetPageAsync("/");
        XNamespace atomNs = "http://www.w3.org/2005/Atom";
        XNamespace sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var absolute = "http://localhost" + publication.Url;

        return new Places(
            search.QuerySelectorAll(".publication-item a.publication-title").Any(a => a.GetAttribute("href") == publication.Url),
            rss.Descendants("item").Any(i => i.Element("link")?.Value == absolute),
            atom.Descendants(atomNs + "entry").Any(e => e.Elements(atomNs + "link").Any(l => l.Attribute("href")?.Value == absolute)),
            sitemap.Descendants(sitemaps + "loc").Any(l => l.Value == absolute),
            home.QuerySelectorAll("a.publication-title").Any(a => a.GetAttribute("href") == publication.Url));
    }
}
