using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Publications.RecordPublicationsComingOut;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Public pages are cached until a save evicts them, but a scheduled publication comes out without a save.
/// This checks every <see cref="DefaultInterval"/> whether one has, notes it in the audit log and evicts the pages that
/// list publications. On several nodes each checks, one at a time (a lock), and only the first notes and evicts.
/// </summary>
internal sealed class ScheduledPublishing(
    IServiceScopeFactory scopes, IPublicPageCache cache, IWorkLocks locks, TimeProvider time, IConfiguration configuration,
    ILogger<ScheduledPublishing> logger)
    : BackgroundService
{
    /// <summary>How often, unless <c>Publishing:ScheduledCheckInterval</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _interval = configuration.GetValue("Publishing:ScheduledCheckInterval", DefaultInterval);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkedUntil = time.GetUtcNow().UtcDateTime;
        using var timer = new PeriodicTimer(_interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow().UtcDateTime;
            try
            {
                await using var turn = await locks.TryTakeAsync(nameof(ScheduledPublishing), _interval / 2, stoppingToken);
                if (turn is null)
                {
                    // Another node has been at it for a while: the same window again at the next tick.
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                var count = await scope.ServiceProvider.GetRequiredService<ISender>()
                    .Send(new RecordPublicationsComingOut(checkedUntil, now), stoppingToken);
                if (count > 0)
                {
                    logger.LogInformation("{Count} scheduled publication(s) came out; evicting the public pages that list them", count);
                    await cache.EvictAsync(CacheTags.Publications, stoppingToken);
                    await cache.EvictAsync(CacheTags.Site, stoppingToken);
                }

                logger.LogDebug("Checked for scheduled publications up to {CheckedUntil:O}", now);
                checkedUntil = now;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database hiccup: try the same window again at the next tick.
                logger.LogWarning(exception, "Could not check for scheduled publications");
            }
        }
    }
}
