using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Trash.PurgeTrash;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Purges what has been in the Trash for 30 days: once at start, then every hour. On several nodes one purges at
/// a time; a node that finds another at it leaves the purge to it.
/// </summary>
internal sealed class TrashPurging(
    IServiceScopeFactory scopes, IPublicPageCache cache, IWorkLocks locks, TimeProvider time, ILogger<TrashPurging> logger)
    : PeriodicWork(scopes, locks, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override bool StartsAtOnce => true;

    protected override string What => "purging the Trash";

    protected override async Task RunAsync(ISender sender, CancellationToken cancellationToken)
    {
        var purged = await sender.Send(new PurgeTrash(), cancellationToken);
        if (purged > 0)
        {
            logger.LogInformation("Purged {Count} item(s) kept in the Trash for 30 days", purged);
            // Their addresses answer 404 now rather than 410.
            await cache.EvictAsync(CacheTags.Site, cancellationToken);
        }
    }
}
