using System.Net;
using System.Text.Json;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>The social card every article gets (card.png) and the tags that point link previews at it.</summary>
public sealed class SocialCardTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Canonical = "http://localhost" + SeedFacts.ArticleUrl;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        configure?.Invoke(request);
        return await portal.CreateReader().SendAsync(request, Cancel);
    }

    [Fact]
    public async Task The_card_of_CO13046_is_a_1200_by_630_png_kept_with_an_etag()
    {
        using var response = await GetAsync(SeedFacts.ArticleUrl + "/card.png");
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        using var image = SKBitmap.Decode(bytes);
        Assert.NotNull(image);
        Assert.Equal((1200, 630), (image.Width, image.Height));
        // Drawn on the site's navy, not left blank.
        Assert.Equal(SKColor.Parse("#002855"), image.GetPixel(600, 150));
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.True(response.Headers.CacheControl.MaxAge >= TimeSpan.FromHours(1));

        using var again = await GetAsync(SeedFacts.ArticleUrl + "/card.png", r => r.Headers.IfNoneMatch.Add(response.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task An_edit_of_what_the_card_shows_makes_a_new_card()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Undersea Cables and the Security of the Strait", status: "Published");
        var address = await staff.PublicAddressAsync(id);
        using var before = await GetAsync(address + "/card.png");
        var first = await before.Content.ReadAsByteArrayAsync(Cancel);

        (await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Title", "Undersea Cables, Data Centres and the Security of the Strait"))).Dispose();
        var newAddress = await staff.PublicAddressAsync(id);
        using var after = await GetAsync(newAddress + "/card.png");
        var second = await after.Content.ReadAsByteArrayAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.NotEqual(first, second);
        using var image = SKBitmap.Decode(second);
        Assert.Equal((1200, 630), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_draft_and_an_unknown_publication_have_no_card()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Port Security in a Draft Not Yet Out");
        var draft = await staff.PublicAddressAsync(id);

        using var ofDraft = await GetAsync(draft + "/card.png");
        using var ofNothing = await GetAsync("/publications/rsis-commentary-series/co99999-no-such-publication/card.png");

        Assert.Equal(HttpStatusCode.NotFound, ofDraft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ofNothing.StatusCode);
        Assert.Contains("text/html", ofNothing.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_graph_twitter_and_json_ld_point_at_the_card_by_its_absolute_address()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl);

        string? Property(string key) => page.QuerySelector($"meta[property='{key}']")?.GetAttribute("content");
        string? Name(string key) => page.QuerySelector($"meta[name='{key}']")?.GetAttribute("content");
        Assert.Equal(Canonical + "/card.png", Property("og:image"));
        Assert.Equal("1200", Property("og:image:width"));
        Assert.Equal("630", Property("og:image:height"));
        Assert.Contains(SeedFacts.Title, Property("og:image:alt"), StringComparison.Ordinal);
        Assert.Equal("summary_large_image", Name("twitter:card"));
        Assert.Equal(Canonical + "/card.png", Name("twitter:image"));

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var report = json.RootElement.GetProperty("@graph").EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "Report");
        Assert.Equal(Canonical + "/card.png", report.GetProperty("image").GetProperty("url").GetString());

        using var card = await GetAsync(new Uri(Property("og:image")!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
    }
}
