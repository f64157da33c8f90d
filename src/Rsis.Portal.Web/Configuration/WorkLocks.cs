using Medallion.Threading.Redis;

namespace Rsis.Portal.Web.Configuration;

/// <summary>Locks for one node: a semaphore per name, dropped when nobody holds or waits for it.</summary>
internal sealed class InProcessWorkLocks : IWorkLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async ValueTask<IAsyncDisposable?> TryTakeAsync(string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(name, out entry!))
            {
                entry = new Entry();
                _entries[name] = entry;
            }

            entry.Users++;
        }

        var taken = false;
        try
        {
            taken = await entry.Semaphore.WaitAsync(wait, cancellationToken);
        }
        finally
        {
            if (!taken)
            {
                Leave(name, entry);
            }
        }

        return taken ? new Held(this, name, entry) : null;
    }

    private void Leave(string name, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(name);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Held(InProcessWorkLocks locks, string name, Entry entry) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Semaphore.Release();
                locks.Leave(name, entry);
            }

            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// Locks every node sees (DistributedLock.Redis). While Redis is away each node falls back to its own
/// in-process lock: the work then may run once per node, which each piece of it tolerates (a second typesetting
/// is discarded, a second purge finds nothing), rather than not at all.
/// </summary>
internal sealed class RedisWorkLocks(RedisLink link, InProcessWorkLocks local, RedisOutages outages) : IWorkLocks
{
    public async ValueTask<IAsyncDisposable?> TryTakeAsync(string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (link.IsUp)
        {
            try
            {
                return await new RedisDistributedLock("rsis:lock:" + name, link.Database).TryAcquireAsync(wait, cancellationToken);
            }
            catch (Exception exception) when (SharedStore.IsRedisFailure(exception))
            {
                outages.Report(exception, "taking the lock " + name);
            }
        }

        return await local.TryTakeAsync(name, wait, cancellationToken);
    }
}
