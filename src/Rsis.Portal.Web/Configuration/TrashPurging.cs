namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Purges what has been in the Trash for 30 days: once at start, then every hour. On several nodes one purges at
/// a time; a node that finds another at it leaves the purge to it.
/// </summary>
internal sealed class TrashPurging(
    IServiceScopeFactory scopes, IPublicPageCache cache, IWorkLocks locks, TimeProvider time, ILogger<TrashPurging> logger)
    : HourlyCleanup(scopes, locks, time, logger)
{
    protected override string What => "purging the Trash";

    protected override ICommand<int> Cleanup => new PurgeTrash();

    protected override async Task RemovedAsync(int count, CancellationToken cancellationToken)
    {
        logger.LogInformation("Purged {Count} item(s) kept in the Trash for 30 days", count);
        // Their addresses answer 404 now rather than 410.
        await cache.EvictAsync(CacheTags.Site, cancellationToken);
    }
}
