using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Hosting;

/// <summary>
/// A production node on real Kestrel, public at https://www.rsis.example:8443 behind a proxy at 10.0.0.5; the
/// tests' client (127.0.0.1) is not that proxy.
/// </summary>
public sealed class PinnedHostPortal : KestrelPortal
{
    public const string PublicHost = "www.rsis.example:8443";

    protected override IEnumerable<(string Key, string Value)> Settings =>
        [.. base.Settings, ("Site:PublicBaseUrl", "https://" + PublicHost + "/"), ("ForwardedHeaders:KnownProxies:0", "10.0.0.5")];

    public Uri Address
    {
        get
        {
            using var client = CreateReader();
            return client.BaseAddress!;
        }
    }
}

public sealed class PinnedHostTests(PinnedHostPortal portal) : IClassFixture<PinnedHostPortal>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<HttpResponseMessage> GetAsync(string path, string host, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = host;
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await portal.CreateReader().SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Another_host_gets_400_and_is_never_echoed()
    {
        foreach (var path in new[] { "/", "/sitemap.xml", SeedFacts.ArticleUrl })
        {
            using var response = await GetAsync(path, "evil.example");
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            var page = await PageReading.ParseAsync(body);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            // The site's own error page, in its layout, not a bare text.
            Assert.Equal("Please check the address", page.QuerySelector("h1")!.TextContent.Trim());
            Assert.NotNull(page.QuerySelector("footer"));
            Assert.DoesNotContain("evil", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(response.Headers, h => h.Value.Any(v => v.Contains("evil", StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public async Task An_empty_host_gets_400()
    {
        // HttpClient always sends a host, so this one is written by hand: "Host:" with nothing after it.
        var address = portal.Address;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n"), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.ASCII);

        var statusLine = await reader.ReadLineAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("HTTP/1.1 400 ", statusLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_host_with_its_port_is_served()
    {
        using var response = await GetAsync("/", PinnedHostPortal.PublicHost);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Forwarded_host_and_scheme_from_a_client_that_is_not_the_proxy_are_ignored()
    {
        using var response = await GetAsync("/sitemap.xml", PinnedHostPortal.PublicHost, ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "http"));
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var locations = sitemap.Descendants(Sitemap + "loc").Select(l => l.Value).ToList();
        Assert.Contains("https://www.rsis.example:8443" + SeedFacts.ArticleUrl, locations);
        Assert.All(locations, l => Assert.StartsWith("https://www.rsis.example:8443/", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feeds_and_the_canonical_link_use_the_public_base_url()
    {
        using var feedResponse = await GetAsync("/feeds/publications.atom", PinnedHostPortal.PublicHost);
        var feed = XDocument.Parse(await feedResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var articleResponse = await GetAsync(SeedFacts.ArticleUrl, PinnedHostPortal.PublicHost, ("X-Forwarded-Host", "evil.example"));
        var article = await PageReading.ParseAsync(await articleResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var entry = feed.Root!.Element(Atom + "entry")!;
        Assert.Equal("tag:www.rsis.example,2013-03-18:publications/CO13046", entry.Element(Atom + "id")!.Value);
        Assert.Equal("https://www.rsis.example:8443" + SeedFacts.ArticleUrl, entry.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("https://www.rsis.example:8443" + SeedFacts.ArticleUrl, article.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }
}

/// <summary>A production node started with the setting missing or malformed.</summary>
public sealed class PinnedHostStartupTests
{
    private sealed class NodeWith(string publicBaseUrl) : PortalFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("Site:PublicBaseUrl", publicBaseUrl)];
    }

    [Theory]
    [InlineData("")]
    [InlineData("www.rsis.example")]
    [InlineData("https://www.rsis.example/publications")]
    [InlineData("ftp://www.rsis.example")]
    public async Task Without_a_valid_public_base_url_the_start_stops_naming_the_setting(string publicBaseUrl)
    {
        await using var node = new NodeWith(publicBaseUrl);

        var failure = Assert.ThrowsAny<Exception>(() => node.CreateReader());

        Assert.Contains("Site:PublicBaseUrl", failure.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>Development, with no public base URL: the site answers on localhost and prints the request's origin.</summary>
public sealed class DevelopmentPortal : PortalFactory
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Site:PublicBaseUrl", "")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

public sealed class DevelopmentHostTests(DevelopmentPortal portal) : IClassFixture<DevelopmentPortal>
{
    [Fact]
    public async Task Development_keeps_working_on_localhost_without_the_setting()
    {
        using var response = await portal.CreateReader().GetAsync(new Uri("/sitemap.xml", UriKind.Relative), TestContext.Current.CancellationToken);
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http://localhost" + SeedFacts.ArticleUrl, sitemap.Descendants((XNamespace)"http://www.sitemaps.org/schemas/sitemap/0.9" + "loc").Select(l => l.Value));
    }
}
