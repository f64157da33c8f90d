using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// The output cache in Redis, for pages and shared-data markers alike, that never fails a request: while Redis
/// is away a read is a miss (the page is drawn from the database) and a write is skipped. An eviction that could
/// not reach Redis is remembered and sent when it answers again, so no page saved meanwhile stays stale.
/// </summary>
internal sealed class SharedOutputCacheStore : IOutputCacheStore, IOutputCacheBufferStore
{
    private readonly IOutputCacheStore _redis;
    private readonly RedisLink _link;
    private readonly RedisOutages _outages;
    private readonly ConcurrentDictionary<string, byte> _missedEvictions = new(StringComparer.Ordinal);

    public SharedOutputCacheStore(IOutputCacheStore redis, RedisLink link, RedisOutages outages)
    {
        _redis = redis;
        _link = link;
        _outages = outages;
        link.Restored += EvictMissedAsync;
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!_link.IsUp)
        {
            _missedEvictions[tag] = 0;
            return;
        }

        try
        {
            await _redis.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception exception) when (SharedStore.IsRedisFailure(exception))
        {
            _missedEvictions[tag] = 0;
            _outages.Report(exception, "evicting " + tag);
        }
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!_link.IsUp)
        {
            return null;
        }

        try
        {
            return await _redis.GetAsync(key, cancellationToken);
        }
        catch (Exception exception) when (SharedStore.IsRedisFailure(exception))
        {
            _outages.Report(exception, "reading the cache");
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!_link.IsUp)
        {
            return;
        }

        try
        {
            await _redis.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception exception) when (SharedStore.IsRedisFailure(exception))
        {
            _outages.Report(exception, "writing the cache");
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (!_link.IsUp)
        {
            return false;
        }

        try
        {
            return await ((IOutputCacheBufferStore)_redis).TryGetAsync(key, destination, cancellationToken);
        }
        catch (Exception exception) when (SharedStore.IsRedisFailure(exception))
        {
            _outages.Report(exception, "reading the cache");
            return false;
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!_link.IsUp)
        {
            return;
        }

        try
        {
            await ((IOutputCacheBufferStore)_redis).SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception exception) when (SharedStore.IsRedisFailure(exception))
        {
            _outages.Report(exception, "writing the cache");
        }
    }

    private async Task EvictMissedAsync()
    {
        foreach (var tag in _missedEvictions.Keys)
        {
            await _redis.EvictByTagAsync(tag, CancellationToken.None);
            _missedEvictions.TryRemove(tag, out _);
        }
    }
}
