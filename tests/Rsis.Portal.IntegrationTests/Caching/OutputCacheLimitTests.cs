using System.Net;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Caching;

/// <summary>
/// Every distinct search is a page of its own in the output cache, so readers decide how many there are;
/// the cache's size limit is what keeps memory bounded. A 1 MB cache here, so a few dozen pages exceed it.
/// </summary>
public sealed class OutputCacheLimitTests(OutputCacheLimitTests.OneMegabyteCache portal) : IClassFixture<OutputCacheLimitTests.OneMegabyteCache>
{
    public sealed class OneMegabyteCache : PortalFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("Caching:OutputCacheSizeLimitMB", "1")];
    }

    [Fact]
    public async Task Searches_nobody_made_before_cannot_grow_the_output_cache_past_its_limit()
    {
        var reader = portal.CreateReader();
        var searches = Enumerable.Range(1, 100).Select(i => $"/search?q=cyber+limit{i}").ToList();
        long pageBytes = 0;
        foreach (var search in searches)
        {
            using var response = await reader.GetAsync(new Uri(search, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Age);
            pageBytes += (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length;
        }

        Assert.True(pageBytes > 2 * 1024 * 1024, $"The searches made only {pageBytes} bytes of pages; the test needs more than twice the limit.");

        // The output cache marks what it serves from memory with an Age header. Newest first: the cache drops
        // the least recently used, so in the first order every miss, stored again, would push out the next.
        var servedFromCache = 0;
        foreach (var search in Enumerable.Reverse(searches))
        {
            using var again = await reader.GetAsync(new Uri(search, UriKind.Relative), TestContext.Current.CancellationToken);
            servedFromCache += again.Headers.Age is null ? 0 : 1;
        }

        var fitInOneMegabyte = (int)(1024 * 1024 / (pageBytes / searches.Count));
        Assert.InRange(servedFromCache, 1, fitInOneMegabyte);
    }
}
