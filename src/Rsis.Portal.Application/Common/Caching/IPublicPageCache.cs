namespace Rsis.Portal.Application.Common.Caching;

/// <summary>The cache of public pages, as the use cases see it (the web layer's output cache).</summary>
public interface IPublicPageCache
{
    ValueTask EvictAsync(string tag, CancellationToken cancellationToken);
}
