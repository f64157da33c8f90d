using System.Net;
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

    // Links no longer follow the scheme (they come from Site:PublicBaseUrl); the cookies do: over https the
    // antiforgery cookie is Secure and __Host- prefixed.
    [Fact]
    public async Task Cookies_are_made_for_https_when_the_proxy_says_the_reader_used_https()
    {
        var cookie = await AntiforgeryCookieAsync(from: Proxy);

        Assert.StartsWith("__Host-rsis-antiforgery=", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forwarded_scheme_from_anyone_but_the_proxy_is_ignored()
    {
        var cookie = await AntiforgeryCookieAsync(from: "198.51.100.7");

        Assert.StartsWith("rsis-antiforgery=", cookie, StringComparison.Ordinal);
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

    private async Task<string> AntiforgeryCookieAsync(string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feedback/token");
        request.Headers.Add(BehindProxy.ConnectionFrom, from);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");
        using var response = await portal.CreateReader().SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("rsis-antiforgery=", StringComparison.Ordinal));
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
