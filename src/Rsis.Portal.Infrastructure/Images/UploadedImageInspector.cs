using Rsis.Portal.Application.Site.SetPromoImage;
using SkiaSharp;

namespace Rsis.Portal.Infrastructure.Images;

/// <summary>
/// Checks an uploaded picture with SkiaSharp: its format is read from its first bytes, and its pixels are decoded
/// whole, so a file cut short or damaged is refused here rather than shown broken to readers.
/// </summary>
public sealed class UploadedImageInspector : IUploadedImageInspector
{
    private static readonly Dictionary<SKEncodedImageFormat, string> Shown = new()
    {
        [SKEncodedImageFormat.Png] = "image/png",
        [SKEncodedImageFormat.Jpeg] = "image/jpeg",
        [SKEncodedImageFormat.Webp] = "image/webp",
    };

    public UploadedImage? Inspect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || !Shown.TryGetValue(codec.EncodedFormat, out var contentType))
        {
            return null;
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > Domain.Site.SiteSettings.MaxPromoImageSide || height > Domain.Site.SiteSettings.MaxPromoImageSide)
        {
            // Too large to show: said so by its size, without decoding a 100-megapixel picture.
            return new UploadedImage(contentType, width, height);
        }

        using var bitmap = new SKBitmap(codec.Info);
        return codec.GetPixels(bitmap.Info, bitmap.GetPixels()) == SKCodecResult.Success
            ? new UploadedImage(contentType, width, height)
            : null;
    }
}
