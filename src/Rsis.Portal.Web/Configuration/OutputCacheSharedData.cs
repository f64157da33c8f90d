using Microsoft.Extensions.Caching.Memory;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Keeps a copy of each piece of shared data in this node's memory, used while a small marker for it lives in
/// the output-cache store. The marker carries the data's tag, so the save that evicts the cached pages evicts
/// it too — on every node sharing the store (Redis), not only on the node that saved — and the next request
/// loads the data again.
/// </summary>
/// <remarks>
/// Most keys are one per site (the menu, the chrome), but some are one per item (an article's related reading),
/// so the copies are bounded: at most <see cref="MaxCopies"/>, each for at most an hour. Past the bound the least
/// recently used go first; a copy dropped is only loaded again.
/// </remarks>
internal sealed class OutputCacheSharedData(IOutputCacheStore store) : ISharedDataCache, IDisposable
{
    private const string MarkerPrefix = "shared-data:";

    /// <summary>Room for every article's related reading on a site of a few thousand, and the site-wide data.</summary>
    internal const int MaxCopies = 5_000;

    /// <summary>As long as a cached page: no copy outlives the pages drawn with it.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly MemoryCache _copies = new(new MemoryCacheOptions { SizeLimit = MaxCopies });

    public async ValueTask<T> GetOrLoadAsync<T>(string key, string tag, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        var markerKey = MarkerPrefix + key;
        var marker = await store.GetAsync(markerKey, cancellationToken);
        if (marker is not null && _copies.TryGetValue(key, out Copy? copy) && copy!.Value is T kept
            && marker.AsSpan().SequenceEqual(copy.Version))
        {
            return kept;
        }

        // The marker goes in before the data is read: a save that commits after this read evicts the marker
        // again, so the copy read here cannot outlive it.
        if (marker is null)
        {
            marker = Guid.NewGuid().ToByteArray();
            await store.SetAsync(markerKey, marker, [tag], Lifetime, cancellationToken);
        }

        var loaded = await load(cancellationToken);
        _copies.Set(key, new Copy(marker, loaded), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return loaded;
    }

    public void Dispose() => _copies.Dispose();

    private sealed record Copy(byte[] Version, object Value);
}
