namespace Rsis.Portal.Web.Areas.Admin.Models;

public static class Uploads
{
    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes: one past the largest file accepted is enough for the
    /// validator to say "too large", and a 60 MB upload never sits whole in memory. Empty when nothing was chosen.
    /// </summary>
    public static async Task<byte[]> ReadAtMostAsync(this IFormFile? file, int limit, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return [];
        }

        await using var stream = file.OpenReadStream();
        var buffer = new byte[(int)Math.Min(file.Length, limit)];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return read == buffer.Length ? buffer : buffer[..read];
    }
}
