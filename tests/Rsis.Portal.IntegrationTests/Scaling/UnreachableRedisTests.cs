using System.Net;
using Rsis.Portal.IntegrationTests.Infrastructure;
using Serilog.Events;

namespace Rsis.Portal.IntegrationTests.Scaling;

/// <summary>A Redis that is configured but not there at startup: the site starts, serves, and says so in the log.</summary>
public sealed class UnreachableRedisTests(UnreachableRedisTests.WithRedisNowhere portal) : IClassFixture<UnreachableRedisTests.WithRedisNowhere>
{
    public sealed class WithRedisNowhere : KestrelPortal
    {
        protected override IEnumerable<(string Key, string Value)> Settings =>
            // Port 9 (discard) on loopback: nothing listens, so the connection is refused.
            base.Settings.Append(("ConnectionStrings:Redis", "127.0.0.1:9,connectTimeout=1000"));
    }

    [Fact]
    public async Task The_site_starts_serves_pages_and_feedback_and_logs_once_that_redis_cannot_be_reached()
    {
        var reader = portal.CreateReader();
        foreach (var url in Enumerable.Repeat(new[] { "/", SeedFacts.ArticleUrl, SeedFacts.SeriesUrl, "/search?q=cyber" }, 5).SelectMany(u => u))
        {
            using var response = await reader.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode} with Redis unreachable.");
            Assert.Null(response.Headers.Age);
        }

        var said = portal.Log.Events.Where(e => e.Level == LogEventLevel.Warning && e.RenderMessage(null).Contains("Redis", StringComparison.Ordinal)).ToList();
        var startup = Assert.Single(said);
        Assert.Contains("cannot be reached", startup.RenderMessage(null), StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:9", startup.RenderMessage(null), StringComparison.Ordinal);
    }
}
