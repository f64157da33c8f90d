using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Application.Publications.RecordPublicationsComingOut;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.IntegrationTests.Feedback;
using Rsis.Portal.IntegrationTests.Infrastructure;
using Serilog.Events;

namespace Rsis.Portal.IntegrationTests.Scaling;

/// <summary>
/// Two nodes behind one address, as the README's "Beyond one machine" promises: what staff do on one is what
/// readers get from both, one limit counts for both, once-only work happens once, and a lost Redis costs speed,
/// never pages.
/// </summary>
public sealed class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Differs from the seed's title only in case, so the article keeps its address.</summary>
    private static string TitleVariant(int n) => n % 2 == 0 ? SeedFacts.Title.ToUpperInvariant() : SeedFacts.Title.ToLowerInvariant();

    [Fact]
    public async Task A_title_saved_on_one_node_is_on_the_other_nodes_cached_article_within_a_second_and_on_pages_it_never_drew()
    {
        RedisServer.Require();
        var (staff, _) = await nodes.A.SignedInAsync(StaffRoles.Editor);
        var id = await nodes.A.SeedPublicationIdAsync();
        var readerOnB = nodes.B.CreateReader();
        await AssertCachedAsync(readerOnB, SeedFacts.ArticleUrl);
        var title = TitleVariant(1);

        var delay = await SaveAndWaitForAsync(staff, id, title, readerOnB);

        Assert.True(delay < TimeSpan.FromSeconds(1), $"Node B showed the new title after {delay.TotalMilliseconds:F0} ms.");
        Assert.Contains((await readerOnB.GetPageAsync(SeedFacts.AuthorUrl)).QuerySelectorAll("a"), a => a.TextContent.Contains(title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_staff_cookie_and_an_antiforgery_token_issued_by_one_node_are_accepted_by_the_other()
    {
        RedisServer.Require();
        var staff = await nodes.A.CreateStaffAsync(StaffRoles.Editor);
        var cookies = new CookieContainer();
        using var onA = TwoNodes.Browser(nodes.A, cookies);
        using var onB = TwoNodes.Browser(nodes.B, cookies);
        using (var signedIn = await onA.SignInAsync(staff.Email, staff.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var id = await nodes.A.SeedPublicationIdAsync();
        var form = await onA.EditFormAsync(id);
        var dashboardOnB = await onB.GetPageAsync("/admin");
        using var savedOnB = await onB.SaveAsync(id, form.Set("Title", TitleVariant(2)));

        Assert.Equal("Dashboard", dashboardOnB.QuerySelector("h1")!.TextContent.Trim());
        Assert.True(savedOnB.StatusCode == HttpStatusCode.Redirect, $"Node B answered {(int)savedOnB.StatusCode} to a form from node A.");
        Assert.Contains(TitleVariant(2), (await nodes.B.CreateReader().GetPageAsync(SeedFacts.ArticleUrl)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_feedback_posts_on_one_node_and_one_on_the_other_make_the_sixth_refused()
    {
        RedisServer.Require();
        var cookies = new CookieContainer();
        using var onA = TwoNodes.Browser(nodes.A, cookies);
        using var onB = TwoNodes.Browser(nodes.B, cookies);
        var token = await onA.GetTokenAsync();
        for (var i = 1; i <= 5; i++)
        {
            using var accepted = await onA.PostFeedbackAsync(token, [FeedbackSending.Field("Rating", "4"), FeedbackSending.Field("Liked", $"Post {i}")]);
            Assert.True(accepted.IsSuccessStatusCode, $"Post {i} on node A answered {(int)accepted.StatusCode}.");
        }

        using var sixth = await onB.PostFeedbackAsync(token, [FeedbackSending.Field("Rating", "4"), FeedbackSending.Field("Liked", "Post 6")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.NotNull(sixth.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_scheduled_publication_comes_out_once_with_one_audit_entry_and_one_typeset_pdf()
    {
        RedisServer.Require();
        var publishAt = DateTime.UtcNow.AddSeconds(2);
        var publication = new TestPublication("CO26901", "Port Security in an Age of Automation", PublishAtUtc: publishAt);
        var id = await nodes.A.AddPublicationAsync(publication);

        // Both nodes have checked past its time (each checks every second).
        await Task.WhenAll(CheckedPastAsync(nodes.A, publishAt), CheckedPastAsync(nodes.B, publishAt));
        var noted = await nodes.A.WithDatabaseAsync(db => db.AuditEntries
            .CountAsync(e => e.EntityType == nameof(Publication) && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && e.ChangedBy == RecordPublicationsComingOutHandler.Publisher, Cancellation));
        // Readers on both nodes ask for its PDF at the same moment.
        var pdfs = await Task.WhenAll(
            nodes.A.CreateReader().GetByteArrayAsync(new Uri(publication.Url + ".pdf", UriKind.Relative), Cancellation),
            nodes.B.CreateReader().GetByteArrayAsync(new Uri(publication.Url + ".pdf", UriKind.Relative), Cancellation));
        var typesettings = nodes.A.Log.Events.Concat(nodes.B.Log.Events)
            .Count(e => e.MessageTemplate.Text.StartsWith("Typeset the PDF", StringComparison.Ordinal) && Mentions(e, publication.Code));

        Assert.Equal(1, noted);
        Assert.Equal(1, typesettings);
        Assert.Equal(pdfs[0], pdfs[1]);
    }

    [Fact]
    public async Task With_redis_stopped_both_nodes_keep_serving_and_once_it_is_back_a_save_evicts_again()
    {
        RedisServer.Require();
        var (staff, _) = await nodes.A.SignedInAsync(StaffRoles.Editor);
        var id = await nodes.A.SeedPublicationIdAsync();
        var readerOnA = nodes.A.CreateReader();
        var readerOnB = nodes.B.CreateReader();
        var warningsBefore = (A: RedisWarnings(nodes.A), B: RedisWarnings(nodes.B));

        await nodes.Redis!.StopAsync();
        try
        {
            foreach (var reader in Enumerable.Repeat(new[] { readerOnA, readerOnB }, 10).SelectMany(r => r))
            {
                foreach (var url in new[] { SeedFacts.ArticleUrl, "/", SeedFacts.SeriesUrl })
                {
                    using var response = await reader.GetAsync(new Uri(url, UriKind.Relative), Cancellation);
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode} with Redis stopped.");
                }
            }

            // A save while Redis is away shows at once: pages come from the database.
            (await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Title", TitleVariant(3)))).Dispose();
            Assert.Contains(TitleVariant(3), (await readerOnB.GetPageAsync(SeedFacts.ArticleUrl)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

            // Still ready (200: the proxy keeps sending readers), and saying that Redis is away.
            var (status, readiness) = await ReadinessAsync(readerOnB, "redis: Degraded");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("redis: Degraded (unreachable: pages are served uncached", readiness, StringComparison.Ordinal);
        }
        finally
        {
            await nodes.Redis.StartAsync();
        }

        // Sixty requests and a save, but one warning from each node: at most one a minute.
        Assert.Equal(1, RedisWarnings(nodes.A) - warningsBefore.A);
        Assert.Equal(1, RedisWarnings(nodes.B) - warningsBefore.B);

        Assert.Contains("redis: Healthy", (await ReadinessAsync(readerOnB, "redis: Healthy")).Text, StringComparison.Ordinal);
        await AssertCachedAsync(readerOnB, SeedFacts.ArticleUrl);
        var delay = await SaveAndWaitForAsync(staff, id, TitleVariant(4), readerOnB);
        Assert.True(delay < TimeSpan.FromSeconds(1), $"Node B showed the new title after {delay.TotalMilliseconds:F0} ms.");
    }

    /// <summary>
    /// <c>/health/ready</c>, asked until its text has <paramref name="expected"/> or five seconds have passed: the
    /// node notices a lost connection when a command fails, not at the moment Redis stops.
    /// </summary>
    private static async Task<(HttpStatusCode Status, string Text)> ReadinessAsync(HttpClient client, string expected)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancellation);
            var text = await response.Content.ReadAsStringAsync(Cancellation);
            if (text.Contains(expected, StringComparison.Ordinal) || waited.Elapsed > TimeSpan.FromSeconds(5))
            {
                return (response.StatusCode, text);
            }

            await Task.Yield();
        }
    }

    /// <summary>Reads <paramref name="url"/> until the node serves it from the (shared) cache, which takes a reconnect after Redis comes back.</summary>
    private static async Task AssertCachedAsync(HttpClient reader, string url)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var response = await reader.GetAsync(new Uri(url, UriKind.Relative), Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (response.Headers.Age is not null)
            {
                return;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"{url} was not served from the cache within 30 s.");
            await Task.Delay(50, Cancellation);
        }
    }

    /// <summary>Saves <paramref name="title"/> through node A's form and answers how long until <paramref name="reader"/> (on B) shows it.</summary>
    private static async Task<TimeSpan> SaveAndWaitForAsync(HttpClient staff, int id, string title, HttpClient reader)
    {
        using (var saved = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Title", title)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var since = Stopwatch.StartNew();
        while (true)
        {
            var heading = (await reader.GetPageAsync(SeedFacts.ArticleUrl)).QuerySelector("h1")!.TextContent;
            if (heading.Contains(title, StringComparison.Ordinal))
            {
                return since.Elapsed;
            }

            Assert.True(since.Elapsed < TimeSpan.FromSeconds(10), $"Node B still shows \"{heading.Squash()}\" 10 s after the save.");
            await Task.Delay(10, Cancellation);
        }
    }

    private static async Task CheckedPastAsync(RedisNode node, DateTime time)
    {
        var waited = Stopwatch.StartNew();
        while (!node.Log.Events.Any(e => e.Properties.TryGetValue("CheckedUntil", out var until)
            && until is ScalarValue { Value: DateTime checkedUntil } && checkedUntil > time))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The node did not check for scheduled publications within 30 s.");
            await Task.Delay(50, Cancellation);
        }
    }

    private static int RedisWarnings(RedisNode node) =>
        node.Log.Events.Count(e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Redis is unreachable", StringComparison.Ordinal));

    private static bool Mentions(LogEvent e, string text) =>
        e.Properties.Values.Any(v => v is ScalarValue { Value: string s } && s == text);
}
