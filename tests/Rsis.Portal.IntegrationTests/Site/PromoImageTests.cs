using System.Net;
using AngleSharp.Html.Dom;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace Rsis.Portal.IntegrationTests.Site;

/// <summary>
/// The promo's picture: staff upload it on its own screen, readers see it above the promo's title, served from the
/// site's own address; anything but a picture the site can show is refused with the reason, and nothing changes.
/// </summary>
public sealed class PromoImageTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string Screen = PromoImageUploads.Screen;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_uploaded_cover_is_shown_above_the_promo_title_from_the_sites_own_address_and_can_be_removed()
    {
        var editor = await EditorWithPromoAsync();
        var cover = Picture(300, 450, SKEncodedImageFormat.Jpeg);

        using var uploaded = await editor.UploadPromoImageAsync(cover, "cover.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Contains("The picture has been saved.", (await editor.GetPageAsync(uploaded.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var reader = portal.CreateReader();
        var src = PromoPicture(await reader.GetPageAsync("/"))!.GetAttribute("src")!;
        Assert.StartsWith("/promo-image?v=", src, StringComparison.Ordinal);
        using var served = await reader.GetAsync(new Uri(src, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(cover, await served.Content.ReadAsByteArrayAsync(Cancel));

        var screen = await editor.GetPageAsync(Screen);
        using var removed = await editor.PostFormAsync(Screen + "/remove", FormFields.Of(screen, $"form[action='{Screen}/remove']"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        var home = await reader.GetPageAsync("/");
        Assert.Null(PromoPicture(home));
        Assert.Equal("A New Book on Maritime Security", home.QuerySelector(".site-promo__title a")!.TextContent.Trim());
        using var gone = await reader.GetAsync(new Uri("/promo-image", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_new_picture_gets_a_new_address_so_no_browser_keeps_showing_the_old_one()
    {
        var editor = await EditorWithPromoAsync();
        var reader = portal.CreateReader();

        using var first = await editor.UploadPromoImageAsync(Picture(200, 300, SKEncodedImageFormat.Png), "first.png", "image/png");
        var firstSrc = PromoPicture(await reader.GetPageAsync("/"))!.GetAttribute("src");
        using var second = await editor.UploadPromoImageAsync(Picture(210, 300, SKEncodedImageFormat.Webp), "second.webp", "image/webp");
        var secondSrc = PromoPicture(await reader.GetPageAsync("/"))!.GetAttribute("src")!;

        Assert.NotEqual(firstSrc, secondSrc);
        using var served = await reader.GetAsync(new Uri(secondSrc, UriKind.Relative), Cancel);
        Assert.Equal("image/webp", served.Content.Headers.ContentType!.MediaType);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "a text file named like a picture", "notes.png", "This file is not a picture the site can show" },
        { "a picture cut short", "cut.png", "This file is not a picture the site can show" },
        { "a GIF", "moving.gif", "This file is not a picture the site can show" },
        { "a picture larger than 2 MB", "huge.png", "The picture is larger than 2 MB" },
        { "a picture wider than 4,000 pixels", "wide.png", "at most 4,000 on each side is accepted" },
        { "no file at all", "", "Choose a picture to upload." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Anything_but_a_picture_the_site_can_show_is_refused_with_the_reason_and_nothing_changes(string what, string fileName, string message)
    {
        var editor = await EditorWithPromoAsync();
        var before = await StoredPictureAsync();

        using var response = await editor.UploadPromoImageAsync(ContentOf(fileName), fileName, "image/png");
        var page = await response.ReadPageAsync();

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{what} answered {(int)response.StatusCode}");
        Assert.Contains(message, page.QuerySelector("#error-File")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Promo picture", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(before, await StoredPictureAsync());
    }

    private static byte[] ContentOf(string fileName) => fileName switch
    {
        "notes.png" => "These are my notes, not a picture."u8.ToArray(),
        "cut.png" => Picture(400, 400, SKEncodedImageFormat.Png, noise: true)[..2000],
        "moving.gif" => "GIF89a"u8.ToArray().Concat(new byte[64]).ToArray(),
        // Noise does not compress: 900 × 900 pixels of it is about 3 MB as a PNG.
        "huge.png" => Picture(900, 900, SKEncodedImageFormat.Png, noise: true),
        "wide.png" => Picture(4001, 10, SKEncodedImageFormat.Png),
        _ => [],
    };

    private async Task<HttpClient> EditorWithPromoAsync()
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var form = FormFields.Of(await editor.GetPageAsync("/admin/settings"), "#settings-form")
            .Set("PromoTitle", "A New Book on Maritime Security").Set("PromoUrl", "https://example.org/book");
        using var saved = await editor.PostFormAsync("/admin/settings", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return editor;
    }

    private static AngleSharp.Dom.IElement? PromoPicture(IHtmlDocument home) => home.QuerySelector(".site-promo img");

    private Task<string> StoredPictureAsync() =>
        portal.WithDatabaseAsync(async db => Convert.ToHexString(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.SiteSettings.Select(s => s.PromoImage ?? Array.Empty<byte>()), Cancel)));

    /// <summary>A picture drawn for the test: a navy field, or random noise, which no encoder can shrink.</summary>
    private static byte[] Picture(int width, int height, SKEncodedImageFormat format, bool noise = false)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(0, 40, 85));
        if (noise)
        {
            var random = new Random(7);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    bitmap.SetPixel(x, y, new SKColor((uint)random.Next() | 0xFF000000));
                }
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
