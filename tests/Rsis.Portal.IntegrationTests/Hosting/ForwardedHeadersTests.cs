using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Hosting;

/// <summary>
/// The portal behind a reverse proxy at 10.0.0.2: what the proxy forwards is believed, what anyone else sends
/// is not. The test host has no network connection, so each request says which address it "comes from".
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.BehindProxy portal) : IClassFixture<ForwardedHeadersTests.BehindProxy>
{
    private const string Proxy = "10.0.0.2";

    public sealed class BehindProxy : PortalFactory
    {
        public const string ConnectionFrom = "X-Test-Connection-From";

        protected override IEnumerable<(string Key, string Value)> Settings =>
        [
            ("ForwardedHeaders:KnownProxies:0", Proxy),
            ("Admin:SignInPermitsPerWindow", "2"),
            ("Admin:SignInWindow", "01:00:00"),
        ];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ConnectionAddressFilter>());
        }

        private sealed class ConnectionAddressFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    if (IPAddress.TryParse(context.Request.Headers[ConnectionFrom], out var address))
                    {
                        context.Connection.RemoteIpAddress = address;
                    }

                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }

    [Fact]
    public async Task Links_in_feeds_say_https_when_the_proxy_says_the_reader_used_https()
    {
        var link = await FeedLinkAsync(from: Proxy);

        Assert.StartsWith("https://localhost/", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forwarded_scheme_from_anyone_but_the_proxy_is_ignored()
    {
        var link = await FeedLinkAsync(from: "198.51.100.7");

        Assert.StartsWith("http://localhost/", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_limit_counts_each_reader_behind_the_proxy_on_their_own()
    {
        // Two attempts a window are allowed here; the third from the same reader is refused.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(from: Proxy, reader: "203.0.113.10"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(from: Proxy, reader: "203.0.113.10"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(from: Proxy, reader: "203.0.113.11"));
    }

    [Fact]
    public async Task A_reader_cannot_escape_the_sign_in_limit_by_sending_a_forwarded_address_of_their_own()
    {
        const string reader = "198.51.100.20";
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(from: reader, reader: $"192.0.2.{attempt}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(from: reader, reader: "192.0.2.99"));
    }

    private async Task<string> FeedLinkAsync(string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/publications.rss");
        request.Headers.Add(BehindProxy.ConnectionFrom, from);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");
        using var response = await portal.CreateReader().SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return feed.Root!.Element("channel")!.Element("item")!.Element("link")!.Value;
    }

    private async Task<HttpStatusCode> SignInAttemptAsync(string from, string reader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
        {
            Content = new FormUrlEncodedContent([new("Email", "nobody@example.org"), new("Password", "not the password")]),
        };
        request.Headers.Add(BehindProxy.ConnectionFrom, from);
        request.Headers.Add("X-Forwarded-For", reader);
        using var response = await portal.CreateReader().SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
