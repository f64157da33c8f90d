using System.Text.Json;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Site;

/// <summary>The favicon, touch icons and web manifest the layout links to are served, with their types.</summary>
public sealed class SiteIconsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/favicon.svg", "image/svg+xml")]
    [InlineData("/apple-touch-icon.png", "image/png")]
    [InlineData("/icon-192.png", "image/png")]
    [InlineData("/icon-512.png", "image/png")]
    [InlineData("/site.webmanifest", "application/manifest+json")]
    public async Task Each_icon_and_the_manifest_is_served_with_its_content_type(string url, string contentType)
    {
        using var response = await portal.CreateReader().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/apple-touch-icon.png", 180)]
    [InlineData("/icon-192.png", 192)]
    [InlineData("/icon-512.png", 512)]
    public async Task Each_touch_icon_is_a_square_png_of_its_size(string url, int size)
    {
        var png = await portal.CreateReader().GetByteArrayAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        // The PNG signature, then the IHDR chunk: width and height, big-endian, at bytes 16 and 20.
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public async Task Favicon_ico_which_feed_readers_and_old_browsers_ask_for_unasked_is_an_icon_not_a_404_page()
    {
        using var response = await portal.CreateReader().GetAsync(new Uri("/favicon.ico", UriKind.Relative), TestContext.Current.CancellationToken);
        var icon = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        // ICONDIR (reserved 0, type 1 = icon, one image), then the image: a PNG, as every browser since 2007 reads it.
        Assert.Equal([0, 0, 1, 0, 1, 0], icon[..6]);
        var offset = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(icon.AsSpan(18, 4));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], icon[offset..(offset + 4)]);
        Assert.True(icon.Length < 2048, $"favicon.ico is {icon.Length} bytes.");
    }

    [Fact]
    public async Task Every_page_links_the_icons_and_the_manifest_which_lists_the_two_app_icons()
    {
        var reader = portal.CreateReader();
        var page = await reader.GetPageAsync(SeedFacts.ArticleUrl);

        Assert.Equal("/favicon.svg", page.QuerySelector("head link[rel=icon]")!.GetAttribute("href"));
        Assert.Equal("/apple-touch-icon.png", page.QuerySelector("head link[rel=apple-touch-icon]")!.GetAttribute("href"));
        var manifestUrl = page.QuerySelector("head link[rel=manifest]")!.GetAttribute("href")!;
        using var manifest = JsonDocument.Parse(await reader.GetStringAsync(new Uri(manifestUrl, UriKind.Relative), TestContext.Current.CancellationToken));
        var icons = manifest.RootElement.GetProperty("icons").EnumerateArray().Select(i => (i.GetProperty("src").GetString(), i.GetProperty("sizes").GetString())).ToList();
        Assert.Equal([("/icon-192.png", "192x192"), ("/icon-512.png", "512x512")], icons);
        Assert.Equal("RSIS", manifest.RootElement.GetProperty("short_name").GetString());
    }
}
