using System.Net;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Caching;

public sealed class OutputCacheTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(SeedFacts.ArticleUrl)]
    [InlineData("/")]
    [InlineData(SeedFacts.SeriesUrl)]
    [InlineData("/staff-profiles")]
    public async Task Public_pages_carry_nothing_per_visitor_and_are_served_from_the_output_cache(string url)
    {
        var client = portal.CreateReader();
        using var first = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.False(first.Headers.Contains("Set-Cookie"), "A public page set a cookie.");
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", html, StringComparison.OrdinalIgnoreCase);

        // The output cache marks what it serves from memory with an Age header.
        using var second = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(second.Headers.Age is not null, $"{url} was not served from the output cache.");
        Assert.Equal(html, await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Unknown_query_parameters_do_not_make_new_cache_entries()
    {
        var client = portal.CreateReader();
        await client.GetAsync(new Uri("/publications/books", UriKind.Relative), TestContext.Current.CancellationToken);

        using var tracked = await client.GetAsync(new Uri("/publications/books?utm_source=x", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.NotNull(tracked.Headers.Age);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var response = await portal.CreateReader().GetAsync(new Uri(SeedFacts.ArticleUrl, UriKind.Relative), TestContext.Current.CancellationToken);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/css/site.css", false)]
    [InlineData("/js/site.js", false)]
    [InlineData("/apple-touch-icon.png", false)]
    [InlineData("/favicon.svg", true)]
    [InlineData("/feeds/publications.rss", true)]
    public async Task Files_a_browser_can_show_as_a_page_carry_the_document_policy_and_stylesheets_and_scripts_only_nosniff(string url, bool isDocument)
    {
        using var response = await portal.CreateReader().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        // An SVG can hold script, so opened on its own it must be held by the policy like any page.
        Assert.Equal(isDocument, response.Headers.Contains("Content-Security-Policy"));
        Assert.Equal(isDocument, response.Headers.Contains("X-Frame-Options"));
    }
}
