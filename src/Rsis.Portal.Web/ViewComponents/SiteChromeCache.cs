using Microsoft.AspNetCore.OutputCaching;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Navigation.GetSiteChrome;

namespace Rsis.Portal.Web.ViewComponents;

/// <summary>
/// The header and footer kept between requests: loading them is three queries and a tree of some ninety
/// menu entries, on every page the output cache does not answer.
/// <para>
/// The copy kept here is used while a small marker in the output-cache store lives. The marker carries
/// <see cref="CacheTags.Site"/>, so the save that evicts the cached pages evicts it too — on every node that
/// shares the store (Redis), not only on the node that saved — and the next page loads the chrome again.
/// </para>
/// </summary>
public sealed class SiteChromeCache(IOutputCacheStore store)
{
    private const string MarkerKey = "site-chrome-version";

    /// <summary>As long as a cached page: no copy outlives the pages it was drawn on.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private Snapshot? _current;

    public async ValueTask<SiteChrome> GetAsync(Func<CancellationToken, Task<SiteChrome>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var marker = await store.GetAsync(MarkerKey, cancellationToken);
        var current = Volatile.Read(ref _current);
        if (marker is not null && current is not null && marker.AsSpan().SequenceEqual(current.Version))
        {
            return current.Chrome;
        }

        // The marker goes in before the chrome is read: a save that commits after this read evicts the marker
        // again, so the copy read here cannot outlive it.
        if (marker is null)
        {
            marker = Guid.NewGuid().ToByteArray();
            await store.SetAsync(MarkerKey, marker, [CacheTags.Site], Lifetime, cancellationToken);
        }

        var chrome = await load(cancellationToken);
        Volatile.Write(ref _current, new Snapshot(marker, chrome));
        return chrome;
    }

    private sealed record Snapshot(byte[] Version, SiteChrome Chrome);
}
