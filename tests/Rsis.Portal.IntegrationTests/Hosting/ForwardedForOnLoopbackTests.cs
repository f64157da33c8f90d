using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Hosting;

/// <summary>
/// The portal on real Kestrel, with clients on 127.0.0.1 as any process on the same host is: the in-memory
/// test server has no connection address at all, so it cannot show what loopback is trusted with. Each
/// limit's window is an hour here, so no window ends during a test.
/// </summary>
public abstract class LoopbackPortal : PortalFactory
{
    private readonly Lazy<Uri> _address;

    protected LoopbackPortal()
    {
        UseKestrel(0);
        _address = new(() =>
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            // The client must come from 127.0.0.1 itself, not from ::1 through a "localhost" name.
            return new Uri(addresses.Select(a => new Uri(a)).Single(a => a.Host == "127.0.0.1").GetLeftPart(UriPartial.Authority));
        });
    }

    protected override string PublicBaseUrl => "http://127.0.0.1";

    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Feedback:Window", "01:00:00"), ("Admin:SignInPermitsPerWindow", "2"), ("Admin:SignInWindow", "01:00:00"), .. ProxySettings];

    protected abstract IEnumerable<(string Key, string Value)> ProxySettings { get; }

    /// <summary>A client of its own (its own antiforgery cookie), on the real port.</summary>
    public HttpClient CreateLoopbackClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _address.Value };

    public Task<int> FeedbackCountAsync(string marker) =>
        WithDatabaseAsync(db => db.Feedback.CountAsync(f => f.Liked == marker));
}

/// <summary>Sends feedback and sign-in attempts claiming to be forwarded for a given address.</summary>
internal static class ForwardedSending
{
    public static async Task<HttpStatusCode> PostFeedbackAsync(this HttpClient client, string marker, string? forwardedFor)
    {
        using var tokenResponse = await client.GetAsync(new Uri("/feedback/token", UriKind.Relative), TestContext.Current.CancellationToken);
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .RootElement.GetProperty("token").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/feedback", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("Rating", "4"), new("Liked", marker), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Accept.ParseAdd("application/json");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    public static async Task<HttpStatusCode> SignInAttemptAsync(this HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("Email", "nobody@example.org"), new("Password", "not the password")]),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}

/// <summary>No proxy named (the default): nobody's <c>X-Forwarded-For</c> is believed, loopback's neither.</summary>
public sealed class ForwardedForWithoutProxyTests(ForwardedForWithoutProxyTests.NoProxy portal) : IClassFixture<ForwardedForWithoutProxyTests.NoProxy>
{
    public sealed class NoProxy : LoopbackPortal
    {
        protected override IEnumerable<(string Key, string Value)> ProxySettings => [];
    }

    [Fact]
    public async Task A_client_on_the_same_host_cannot_escape_the_feedback_limit_by_naming_other_addresses()
    {
        var marker = Guid.NewGuid().ToString("N");
        var client = portal.CreateLoopbackClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            answers.Add(await client.PostFeedbackAsync(marker, forwardedFor: $"10.1.2.{i}"));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(5, await portal.FeedbackCountAsync(marker));
    }

    [Fact]
    public async Task A_client_on_the_same_host_cannot_escape_the_sign_in_limit_by_naming_other_addresses()
    {
        var client = portal.CreateLoopbackClient();

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await client.SignInAttemptAsync("10.9.0.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await client.SignInAttemptAsync("10.9.0.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await client.SignInAttemptAsync("10.9.0.3"));
    }
}

/// <summary>
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> (set in some container images) adds the forwarded-headers
/// middleware with no known proxies, which would believe everyone; with no proxy named the portal still does not.
/// </summary>
public sealed class ForwardedHeadersEnabledWithoutProxyTests(ForwardedHeadersEnabledWithoutProxyTests.EnabledByEnvironment portal)
    : IClassFixture<ForwardedHeadersEnabledWithoutProxyTests.EnabledByEnvironment>
{
    public sealed class EnabledByEnvironment : LoopbackPortal
    {
        protected override IEnumerable<(string Key, string Value)> ProxySettings => [("FORWARDEDHEADERS_ENABLED", "true")];
    }

    [Fact]
    public async Task The_feedback_limit_still_counts_the_connection_not_the_header()
    {
        var marker = Guid.NewGuid().ToString("N");
        var client = portal.CreateLoopbackClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            answers.Add(await client.PostFeedbackAsync(marker, forwardedFor: $"10.1.3.{i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(5, await portal.FeedbackCountAsync(marker));
    }
}

/// <summary>
/// A proxy on the same host, named in configuration (an appending proxy such as nginx with
/// <c>$proxy_add_x_forwarded_for</c>, and a second one, 10.0.0.3, in front of it): the reader is the
/// rightmost address that no named proxy vouches for.
/// </summary>
public sealed class ForwardedForFromNamedProxyTests(ForwardedForFromNamedProxyTests.ProxyOnLoopback portal) : IClassFixture<ForwardedForFromNamedProxyTests.ProxyOnLoopback>
{
    public sealed class ProxyOnLoopback : LoopbackPortal
    {
        protected override IEnumerable<(string Key, string Value)> ProxySettings =>
            [("ForwardedHeaders:KnownProxies:0", "127.0.0.1"), ("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/29")];
    }

    [Fact]
    public async Task Each_reader_behind_the_proxy_has_a_feedback_limit_of_their_own()
    {
        var marker = Guid.NewGuid().ToString("N");
        var client = portal.CreateLoopbackClient();

        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await client.PostFeedbackAsync(marker, forwardedFor: "203.0.113.10"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await client.PostFeedbackAsync(marker, forwardedFor: "203.0.113.10"));
        Assert.Equal(HttpStatusCode.OK, await client.PostFeedbackAsync(marker, forwardedFor: "203.0.113.11"));
        Assert.Equal(6, await portal.FeedbackCountAsync(marker));
    }

    [Fact]
    public async Task What_a_reader_writes_before_the_address_the_proxy_appends_is_not_believed()
    {
        var marker = Guid.NewGuid().ToString("N");
        var client = portal.CreateLoopbackClient();

        // The reader at 203.0.113.20 sends "X-Forwarded-For: 198.51.100.<n>"; the proxy appends the real address.
        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            answers.Add(await client.PostFeedbackAsync(marker, forwardedFor: $"198.51.100.{i}, 203.0.113.20"));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, await client.PostFeedbackAsync(marker, forwardedFor: "198.51.100.1, 203.0.113.21"));
    }

    [Fact]
    public async Task Behind_two_named_proxies_the_reader_is_the_address_before_them()
    {
        var client = portal.CreateLoopbackClient();

        // Reader 203.0.113.30 → proxy 10.0.0.3 → proxy on 127.0.0.1 → portal; the reader wrote a fake first entry.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await client.SignInAttemptAsync("192.0.2.1, 203.0.113.30, 10.0.0.3"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await client.SignInAttemptAsync("192.0.2.2, 203.0.113.30, 10.0.0.3"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await client.SignInAttemptAsync("192.0.2.3, 203.0.113.30, 10.0.0.3"));
        // Another reader through the same two proxies is counted apart.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await client.SignInAttemptAsync("203.0.113.31, 10.0.0.3"));
    }
}
