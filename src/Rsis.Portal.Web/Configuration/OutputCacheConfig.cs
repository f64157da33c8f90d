using Microsoft.Net.Http.Headers;

namespace Rsis.Portal.Web.Configuration;

public static class OutputCacheConfig
{
    /// <summary>The policy of every public page: cached until a save evicts its tags.</summary>
    public const string PublicPage = "PublicPage";

    /// <summary>PDF downloads: cached whole, but a byte-range request goes to the action, which answers 206.</summary>
    public const string PdfDownload = "PdfDownload";

    /// <summary>The search page: one cache entry per combination of words, filters and page.</summary>
    public const string SearchPage = "SearchPage";

    /// <summary>OAI-PMH answers: one cache entry per whole query string (each resumption token is a page of its own).</summary>
    public const string Harvest = "Harvest";

    public const string SectionName = "Caching";

    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(SectionName).Get<OutputCacheLimits>() ?? new OutputCacheLimits();
        return services.AddSingleton<IPublicPageCache, OutputCachePublicPageCache>()
        .AddSingleton<ISharedDataCache, OutputCacheSharedData>()
        .AddOutputCache(options =>
        {
            // Every distinct search is a page of its own, so readers (or a crawler) can fill the cache at will:
            // its size is what bounds the portal's memory under load, not how many pages there are.
            options.SizeLimit = limits.OutputCacheSizeLimitMB * Megabyte;
            // An uploaded PDF (up to 20 MB) would push out hundreds of pages; above this a response is served
            // uncached. Article pages, feeds, typeset PDFs and sitemaps are far smaller.
            options.MaximumBodySize = limits.OutputCacheMaxResponseMB * Megabyte;
            options.AddPolicy(PublicPage, policy => policy
                .Expire(TimeSpan.FromHours(1))
                // Only the parameters the pages read; "?utm=…" must not fill the cache with copies.
                .SetVaryByQuery("page", "year", "q", "letter")
                .VaryByEncoding()
                .Tag(CacheTags.Site));
            options.AddPolicy(SearchPage, policy => policy
                .Expire(TimeSpan.FromHours(1))
                .SetVaryByQuery("q", "series", "year", "author", "category", "page")
                .VaryByEncoding()
                .Tag(CacheTags.Site));
            options.AddPolicy(PdfDownload, policy => policy
                .Expire(TimeSpan.FromHours(1))
                .SetVaryByQuery("inline")
                .With(context => !context.HttpContext.Request.Headers.ContainsKey(HeaderNames.Range))
                .VaryByEncoding()
                .Tag(CacheTags.Site, CacheTags.Publications));
            options.AddPolicy(Harvest, policy => policy
                .Expire(TimeSpan.FromHours(1))
                .SetVaryByQuery("*")
                .VaryByEncoding()
                .Tag(CacheTags.Site, CacheTags.Publications));
        });
    }

    private const long Megabyte = 1024 * 1024;
}

/// <summary>The <c>Caching</c> section: how much the output cache may hold (in MB, of stored responses).</summary>
public sealed class OutputCacheLimits
{
    /// <summary>
    /// 32 MB holds about 800 pages as drawn, or 2,500–4,000 as browsers take them (Brotli); at 64 MB the
    /// portal's resident set after benchmarks/memory.sh was 397 MB, at 32 MB (with the GC conserving memory) 332 MB.
    /// </summary>
    public long OutputCacheSizeLimitMB { get; set; } = 32;

    public long OutputCacheMaxResponseMB { get; set; } = 8;
}
