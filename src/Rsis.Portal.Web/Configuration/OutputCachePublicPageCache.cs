namespace Rsis.Portal.Web.Configuration;

/// <summary>Evicts public pages from ASP.NET Core's output cache (in memory, or Redis when configured).</summary>
internal sealed class OutputCachePublicPageCache(IOutputCacheStore store) : IPublicPageCache
{
    public ValueTask EvictAsync(string tag, CancellationToken cancellationToken) => store.EvictByTagAsync(tag, cancellationToken);
}
