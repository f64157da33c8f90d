using Microsoft.Net.Http.Headers;
using Rsis.Portal.Application.Common.Caching;

namespace Rsis.Portal.Web.Configuration;

public static class OutputCacheConfig
{
    /// <summary>The policy of every public page: cached until a save evicts its tags.</summary>
    public const string PublicPage = "PublicPage";

    /// <summary>PDF downloads: cached whole, but a byte-range request goes to the action, which answers 206.</summary>
    public const string PdfDownload = "PdfDownload";

    /// <summary>The search page: one cache entry per combination of words, filters and page.</summary>
    public const string SearchPage = "SearchPage";

    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services) =>
        services.AddSingleton<IPublicPageCache, OutputCachePublicPageCache>()
        .AddSingleton<ISharedDataCache, OutputCacheSharedData>()
        .AddOutputCache(options =>
        {
            options.AddPolicy(PublicPage, policy => policy
                .Expire(TimeSpan.FromHours(1))
                // Only the parameters the pages read; "?utm=…" must not fill the cache with copies.
                .SetVaryByQuery("page", "year", "q")
                .Tag(CacheTags.Site));
            options.AddPolicy(SearchPage, policy => policy
                .Expire(TimeSpan.FromHours(1))
                .SetVaryByQuery("q", "series", "year", "author", "category", "page")
                .Tag(CacheTags.Site));
            options.AddPolicy(PdfDownload, policy => policy
                .Expire(TimeSpan.FromHours(1))
                .SetVaryByQuery("inline")
                .With(context => !context.HttpContext.Request.Headers.ContainsKey(HeaderNames.Range))
                .Tag(CacheTags.Site, CacheTags.Publications));
        });
}
