using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.Application.Search;
using Rsis.Portal.Infrastructure.Search;
using Rsis.Portal.IntegrationTests.Infrastructure;
using Serilog.Events;

namespace Rsis.Portal.IntegrationTests.Errors;

/// <summary>
/// The portal with a search that, once it has started, waits for its reader to leave and then carries on
/// with the real search: so a test can hang up in the middle of a search without guessing at timing.
/// </summary>
public sealed class LeavingReaderPortal : KestrelPortal
{
    public TaskCompletionSource SearchStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddScoped<SqlitePublicationSearch>();
            services.AddScoped<IPublicationSearch>(provider => new SearchUntilTheReaderLeaves(provider.GetRequiredService<SqlitePublicationSearch>(), SearchStarted));
        });
    }

    private sealed class SearchUntilTheReaderLeaves(SqlitePublicationSearch search, TaskCompletionSource started) : IPublicationSearch
    {
        public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The reader has gone: the real search meets the cancelled request as it would have mid-query.
            }

            return await search.SearchAsync(request, cancellationToken);
        }

        public Task<int> CountAsync(SearchTerms terms, DateTime visibleAtUtc, CancellationToken cancellationToken) =>
            search.CountAsync(terms, visibleAtUtc, cancellationToken);

        public Task<IReadOnlyDictionary<int, MatchedText>> HighlightAsync(
            SearchTerms terms, IReadOnlyCollection<int> publicationIds, CancellationToken cancellationToken) =>
            search.HighlightAsync(terms, publicationIds, cancellationToken);
    }
}

/// <summary>Nobody outside can put a server error in the log: not by asking for an error page, not by hanging up.</summary>
public sealed class ErrorLoggingTests(LeavingReaderPortal portal) : IClassFixture<LeavingReaderPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/error/999")]
    [InlineData("/error/-1")]
    [InlineData("/error/500")]
    [InlineData("/error/404")]
    [InlineData("/error")]
    public async Task An_error_page_asked_for_directly_is_not_found(string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, UriKind.Relative));
        var trace = CapturedLog.Trace(request);

        using var response = await portal.CreateReader().SendAsync(request, Cancel);
        var page = await response.ReadPageAsync();
        var line = await portal.Log.RequestLineAsync(address, trace);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal(404, ((ScalarValue)line.Properties["StatusCode"]).Value);
    }

    [Fact]
    public async Task A_reader_who_leaves_mid_search_is_logged_at_information_not_as_a_server_error()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/search?q=cyber+security", UriKind.Relative));
        var trace = CapturedLog.Trace(request);
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var search = portal.CreateReader().SendAsync(request, leaving.Token);

        await portal.SearchStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search);
        var line = await portal.Log.RequestLineAsync("/search", trace);

        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal(499, ((ScalarValue)line.Properties["StatusCode"]).Value);
        Assert.Contains(portal.Log.For("/search"), e => e.Level == LogEventLevel.Information && e.RenderMessage(null).Contains("left before", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Log.Events, e => e.Level >= LogEventLevel.Error);
    }
}
