using Rsis.Portal.Application.Common.Caching;

namespace Rsis.Portal.Web.Configuration;

public static class OutputCacheConfig
{
    /// <summary>The policy of every public page: cached until a save evicts its tags.</summary>
    public const string PublicPage = "PublicPage";

    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            options.AddPolicy(PublicPage, policy => policy
                .Expire(TimeSpan.FromHours(1))
                // Only the parameters the pages read; "?utm=…" must not fill the cache with copies.
                .SetVaryByQuery("page", "year", "q")
                .Tag(CacheTags.Site));
        });
}
