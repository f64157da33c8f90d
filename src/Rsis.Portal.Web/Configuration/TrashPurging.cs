using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Trash.PurgeTrash;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Purges what has been in the Trash for 30 days: once at start, then every <see cref="Interval"/>. On several nodes
/// one purges at a time (a lock); a node that finds another at it leaves the purge to it.
/// </summary>
internal sealed class TrashPurging(
    IServiceScopeFactory scopes, IPublicPageCache cache, IWorkLocks locks, TimeProvider time, ILogger<TrashPurging> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var turn = await locks.TryTakeAsync(nameof(TrashPurging), TimeSpan.Zero, stoppingToken);
                if (turn is null)
                {
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PurgeTrash(), stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} item(s) kept in the Trash for 30 days", purged);
                    // Their addresses answer 404 now rather than 410.
                    await cache.EvictAsync(CacheTags.Site, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not purge the Trash; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
