using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Pages, feeds, the sitemap, JSON, SVG and the like go out compressed (Brotli, else gzip) to a client that
/// accepts it. The compression sits inside the output cache, so a page is compressed once when it is drawn and
/// every hit sends the kept bytes; the cache keeps one copy per encoding (<see cref="VaryByEncoding"/>).
/// An answer marked no-store is sent as it is: that is every staff page and every form carrying an antiforgery
/// token, and a secret in a compressed answer that also echoes what the request sent is what BREACH reads.
/// </summary>
public static class ResponseCompressionConfig
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    private static readonly string[] CompressedTypes =
    [
        "text/html", "text/plain", "text/css", "text/javascript", "application/javascript", "application/json",
        "application/xml", "text/xml", "application/rss+xml", "application/atom+xml", "image/svg+xml",
        "text/calendar", "application/manifest+json",
    ];

    public static IServiceCollection AddPortalResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Behind the proxy every request is HTTPS; what may not be compressed there is said per answer below.
            options.EnableForHttps = true;
            // In this order: the encoding chosen when a client accepts both equally (EncodingOf follows it).
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = CompressedTypes;
        });
        // Fastest: cached pages are compressed once, but searches and other uncached answers on each request, and
        // Brotli's fastest level is still smaller than gzip's on HTML.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services.AddSingleton<IResponseCompressionProvider, PortalCompressionProvider>();
    }

    /// <summary>Keeps one cached copy per encoding a client can be sent, not one per Accept-Encoding header.</summary>
    public static OutputCachePolicyBuilder VaryByEncoding(this OutputCachePolicyBuilder policy) =>
        policy.VaryByValue(context => new("encoding", EncodingOf(context.Request)));

    /// <summary>
    /// The encoding the compression middleware sends <paramref name="request"/>'s answer in: of <c>br</c> and
    /// <c>gzip</c> (or <c>*</c>), the one with the highest quality, Brotli on a tie; <c>identity</c> when it
    /// accepts neither.
    /// </summary>
    public static string EncodingOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted))
        {
            return Identity;
        }

        double QualityOf(string encoding) => accepted
            .Where(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) || a.Value == "*")
            .Select(a => a.Quality ?? 1)
            .DefaultIfEmpty(0)
            .Max();

        var (brotli, gzip) = (QualityOf(Brotli), QualityOf(Gzip));
        return brotli <= 0 && gzip <= 0 ? Identity : brotli >= gzip ? Brotli : Gzip;
    }
}

/// <summary>The framework's choice of encoding, with no-store answers left uncompressed (see <see cref="ResponseCompressionConfig"/>).</summary>
internal sealed class PortalCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : IResponseCompressionProvider
{
    private readonly ResponseCompressionProvider _framework = new(services, options);

    public ICompressionProvider? GetCompressionProvider(HttpContext context) => _framework.GetCompressionProvider(context);

    public bool ShouldCompressResponse(HttpContext context) => !IsNoStore(context.Response) && _framework.ShouldCompressResponse(context);

    private static bool IsNoStore(HttpResponse response) =>
        CacheControlHeaderValue.TryParse(response.Headers.CacheControl.ToString(), out var cacheControl) && cacheControl.NoStore;

    public bool CheckRequestAcceptsCompression(HttpContext context) => _framework.CheckRequestAcceptsCompression(context);
}
