namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Public pages are cached until a save evicts them, but a scheduled publication comes out without a save.
/// This checks every <see cref="DefaultInterval"/> whether one has, notes it in the audit log and evicts the pages that
/// list publications. On several nodes each checks, one at a time, and only the first notes and evicts.
/// </summary>
internal sealed class ScheduledPublishing(
    IServiceScopeFactory scopes, IPublicPageCache cache, IWorkLocks locks, TimeProvider time, IConfiguration configuration,
    ILogger<ScheduledPublishing> logger)
    : PeriodicWork(scopes, locks, time, logger)
{
    /// <summary>How often, unless <c>Publishing:ScheduledCheckInterval</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    /// <summary>The end of the last window checked; a failed or skipped turn checks the same window again.</summary>
    private DateTime _checkedUntil = time.GetUtcNow().UtcDateTime;

    protected override TimeSpan Interval { get; } = configuration.GetValue("Publishing:ScheduledCheckInterval", DefaultInterval);

    /// <summary>A node that finds another checking waits a little: the same window is then found done.</summary>
    protected override TimeSpan LockWait => Interval / 2;

    protected override string What => "checking for scheduled publications";

    protected override async Task RunAsync(ISender sender, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var count = await sender.Send(new RecordPublicationsComingOut(_checkedUntil, now), cancellationToken);
        if (count > 0)
        {
            logger.LogInformation("{Count} scheduled publication(s) came out; evicting the public pages that list them", count);
            await cache.EvictAsync(CacheTags.Publications, cancellationToken);
            await cache.EvictAsync(CacheTags.Site, cancellationToken);
        }

        logger.LogDebug("Checked for scheduled publications up to {CheckedUntil:O}", now);
        _checkedUntil = now;
    }
}
