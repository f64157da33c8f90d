namespace Rsis.Portal.Application.Site.SetPromoImage;

/// <summary>
/// Decodes an uploaded picture the way a browser would, before readers are served it: its kind comes from its
/// content, never from its name or the browser's say-so.
/// </summary>
public interface IUploadedImageInspector
{
    /// <summary>The picture's kind and size; null when it is not a PNG, JPEG or WebP picture that decodes.</summary>
    UploadedImage? Inspect(byte[] content);
}

/// <param name="ContentType">"image/png", "image/jpeg" or "image/webp".</param>
/// <param name="Width">In pixels.</param>
/// <param name="Height">In pixels.</param>
public sealed record UploadedImage(string ContentType, int Width, int Height);
