using System.Net;
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
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        /// <summary>Completes when the public pages listing publications are evicted from the cache.</summary>
        public TaskCompletionSource ListingsEvicted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

        private sealed class WatchedCache(IPublicPageCache cache, WithFakeClock portal) : IPublicPageCache
        {
            public async ValueTask EvictAsync(string tag, CancellationToken cancellationToken)
            {
                await cache.EvictAsync(tag, cancellationToken);
                if (tag == CacheTags.Site)
                {
                    portal.ListingsEvicted.TrySetResult();
                }
            }
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
        portal.Clock.Advance(TimeSpan.FromSeconds(31));
        await portal.ListingsEvicted.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellation);

        var after = await reader.GetPageAsync("/publications/rsis-commentary-series");
        Assert.Contains(after.QuerySelectorAll("a"), a => a.TextContent.Contains("Straits Shipping Comes Out Later", StringComparison.Ordinal));
        using var article = await reader.GetAsync(new Uri(publication.Url, UriKind.Relative), cancellation);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
    }
}
