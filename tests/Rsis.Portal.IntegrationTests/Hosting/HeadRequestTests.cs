using System.Net;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Hosting;

/// <summary>
/// Monitors and link checkers ask with HEAD: every address that answers GET answers HEAD the same way (status
/// and headers) without a body, on real Kestrel, and the output cache keeps serving both.
/// </summary>
public sealed class HeadRequestTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// One address for each public GET route of the portal. A new route must be added here: the test below
    /// compares this list with the routes the app actually has.
    /// </summary>
    private static readonly Dictionary<string, string> AddressOfRoute = new(StringComparer.Ordinal)
    {
        ["/"] = "/",
        ["/publications"] = "/publications",
        ["/publications/{series}"] = SeedFacts.SeriesUrl,
        ["/publications/{series}/{slug}"] = SeedFacts.ArticleUrl,
        ["/publications/{series}/{slug}.pdf"] = SeedFacts.ArticleUrl + ".pdf",
        ["/publications/{series}/{slug}/pdf"] = SeedFacts.ArticleUrl + "/pdf",
        ["/publications/{series}/{slug}.bib"] = SeedFacts.ArticleUrl + ".bib",
        ["/publications/{series}/{slug}.ris"] = SeedFacts.ArticleUrl + ".ris",
        ["/publications/{series}/{slug}/card.png"] = SeedFacts.ArticleUrl + "/card.png",
        ["/authors"] = "/authors?letter=C",
        ["/authors/{slug}"] = SeedFacts.AuthorUrl,
        ["/categories"] = "/categories",
        ["/categories/{slug}"] = SeedFacts.CategoryUrl,
        ["/{slug}"] = "/staff-profiles",
        ["/search"] = "/search?q=cyber",
        // The seed has no events: an event's page and calendar file answer 404 to both.
        ["/events"] = "/events",
        ["/events/past"] = "/events/past?year=2025",
        ["/events/{slug}"] = "/events/no-such-event",
        ["/events/{slug}.ics"] = "/events/no-such-event.ics",
        ["/events.ics"] = "/events.ics",
        ["/feeds/events.{format:regex(^(rss|atom)$)}"] = "/feeds/events.atom",
        ["/feeds/publications.{format:regex(^(rss|atom)$)}"] = "/feeds/publications.rss",
        ["/feeds/series/{slug}.{format:regex(^(rss|atom)$)}"] = "/feeds/series/rsis-commentary-series.atom",
        ["/feeds/authors/{slug}.{format:regex(^(rss|atom)$)}"] = "/feeds/authors/c-raja-mohan.rss",
        ["/feeds/categories/{slug}.{format:regex(^(rss|atom)$)}"] = "/feeds/categories/rsis-commentary-series.atom",
        ["/sitemap.xml"] = "/sitemap.xml",
        // One part holds 50,000 addresses, so the seed has no part 1: both methods must say 404 alike.
        ["/sitemap-{part:int}.xml"] = "/sitemap-1.xml",
        ["/robots.txt"] = "/robots.txt",
        ["/oai"] = "/oai?verb=Identify",
        ["/feedback"] = "/feedback",
        ["/feedback/thanks"] = "/feedback/thanks",
        ["/feedback/token"] = "/feedback/token",
        // The promo's picture: none in the seed, so a 404 to both methods.
        ["/promo-image"] = "/promo-image",
        // The mailed links with a token that opens nothing: the page that says so, to both methods.
        ["/subscribe"] = "/subscribe?list=events",
        ["/subscribe/check-inbox"] = "/subscribe/check-inbox",
        ["/subscribe/confirm"] = "/subscribe/confirm?subscriber=1&token=cut",
        ["/subscribe/manage"] = "/subscribe/manage?subscriber=1&token=cut",
        ["/unsubscribe"] = "/unsubscribe?subscriber=1&token=cut",
        ["/unsubscribe/one-click"] = "/unsubscribe/one-click?subscriber=1&token=cut",
        // A shared preview's own answers are PreviewTests'; here, that a token that opens nothing answers HEAD as GET.
        ["/preview/{token}"] = "/preview/not-a-preview-token",
    };

    public static TheoryData<string> PublicAddresses => [.. AddressOfRoute.Values];

    /// <summary>Differ by nature between two requests, or between a body and none.</summary>
    private static readonly string[] PerResponseHeaders = ["Date", "Age", "Set-Cookie", "Content-Length", "Transfer-Encoding"];

    private IEnumerable<(string Template, IReadOnlyList<string> Methods)> GetActions() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .Select(e => (Template: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(a => a.Methods.Contains("GET"));

    [Fact]
    public void Every_action_that_answers_GET_also_answers_HEAD()
    {
        var actions = GetActions().ToList();

        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.True(a.Methods.Contains("HEAD"), $"{a.Template} answers GET but not HEAD."));
    }

    [Fact]
    public void Every_public_GET_route_has_an_address_in_this_test()
    {
        var routes = GetActions().Select(a => a.Template).Where(t => !t.StartsWith("/admin", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(AddressOfRoute.Keys.Order(StringComparer.Ordinal), routes);
    }

    [Theory]
    [MemberData(nameof(PublicAddresses))]
    public async Task HEAD_answers_like_GET_without_a_body(string address)
    {
        // Two clients, each without cookies yet: the answers may differ only in what differs between any two requests.
        using var get = await portal.CreateReader().GetAsync(new Uri(address, UriKind.Relative), Cancel);
        var body = await get.Content.ReadAsByteArrayAsync(Cancel);
        using var head = await portal.CreateReader().SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(address, UriKind.Relative)), Cancel);

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(Headers(get), Headers(head));
        // A HEAD that states a length states the GET's (a page drawn afresh is sent in chunks, and states none).
        if (head.Content.Headers.NonValidated.TryGetValues("Content-Length", out var length))
        {
            Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), length.ToString());
        }
    }

    [Fact]
    public async Task HEAD_on_a_missing_article_is_404_like_GET()
    {
        var client = portal.CreateReader();
        const string missing = SeedFacts.SeriesUrl + "/co99999-no-such-commentary";

        using var get = await client.GetAsync(new Uri(missing, UriKind.Relative), Cancel);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(missing, UriKind.Relative)), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task HEAD_and_GET_are_cached_apart_and_both_come_from_the_output_cache_the_second_time()
    {
        var client = portal.CreateReader();
        var address = new Uri(SeedFacts.SeriesUrl + "?year=2013", UriKind.Relative);

        using var firstHead = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, address), Cancel);
        using var firstGet = await client.GetAsync(address, Cancel);
        var html = await firstGet.Content.ReadAsStringAsync(Cancel);
        using var secondHead = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, address), Cancel);
        using var secondGet = await client.GetAsync(address, Cancel);

        Assert.Null(firstHead.Headers.Age);
        // Not the HEAD's entry: a reader after a monitor still gets the page.
        Assert.Null(firstGet.Headers.Age);
        Assert.Contains(SeedFacts.Title, html, StringComparison.Ordinal);
        Assert.NotNull(secondHead.Headers.Age);
        Assert.Empty(await secondHead.Content.ReadAsByteArrayAsync(Cancel));
        Assert.NotNull(secondGet.Headers.Age);
        Assert.Equal(html, await secondGet.Content.ReadAsStringAsync(Cancel));
    }

    private static List<string> Headers(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Where(h => !PerResponseHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
            .Concat(response.Headers.Contains("Set-Cookie") ? ["Set-Cookie"] : [])
            .Order(StringComparer.Ordinal)
            .ToList();
}
