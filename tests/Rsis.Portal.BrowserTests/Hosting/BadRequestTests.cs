using System.Net;
using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Hosting;

/// <summary>Malformed requests sent to the real Kestrel port, where the in-memory test server would not see them the same way.</summary>
public sealed class BadRequestTests(BrowserPortal portal)
{
    [Fact]
    public async Task Encoded_null_character_in_the_path_is_a_bad_request_not_a_server_error()
    {
        // Without canonicalization the URI keeps "%00" exactly as written, so Kestrel receives it raw.
        var target = new Uri(
            portal.Address.GetLeftPart(UriPartial.Authority) + "/%00",
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        Assert.Equal("/%00", target.PathAndQuery);

        using var response = await SendAsync(target);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Five_thousand_character_slug_is_not_found_in_the_site_layout()
    {
        var target = new Uri(portal.Address, SeedFacts.SeriesUrl + "/" + new string('a', 5000));

        using var response = await SendAsync(target);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("id=\"site-nav\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_thousand_character_search_gets_the_search_page_from_real_kestrel()
    {
        // Kestrel's own limit on the request line would answer a bare 414; the portal raises it for this.
        var target = new Uri(portal.Address, "/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("网络 ", 3_400))));

        using var response = await SendAsync(target);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("were searched for", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(Uri target)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
