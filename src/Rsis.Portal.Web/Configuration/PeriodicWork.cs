namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Work done every <see cref="Interval"/> by one node at a time: each turn takes a lock named after the work
/// (<see cref="IWorkLocks"/>: Redis on several nodes, in-process on one), runs in a scope of its own, and a
/// failure is logged and tried again at the next turn. The timer reads the portal's clock, so tests move it.
/// A work that can be woken (<see cref="WakeAsync"/>) also takes a turn as soon as it is.
/// </summary>
internal abstract class PeriodicWork(IServiceScopeFactory scopes, IWorkLocks locks, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time => time;

    protected abstract TimeSpan Interval { get; }

    /// <summary>How long a turn waits for another node's to end; zero leaves the turn to that node.</summary>
    protected virtual TimeSpan LockWait => TimeSpan.Zero;

    /// <summary>Whether the first turn is taken at start rather than after one interval.</summary>
    protected virtual bool StartsAtOnce => false;

    /// <summary>What the work is, for the log: "checking for scheduled publications".</summary>
    protected abstract string What { get; }

    protected abstract Task RunAsync(ISender sender, CancellationToken cancellationToken);

    /// <summary>Completes when something asks for a turn before the next tick; by default nothing does.</summary>
    protected virtual Task WakeAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        if (StartsAtOnce)
        {
            await TakeTurnAsync(stoppingToken);
        }

        // Both waits are kept across turns: a timer allows one wait at a time, and a wake asked for during a
        // turn must not be lost.
        Task<bool>? tick = null;
        Task? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            wake ??= WakeAsync(stoppingToken);
            if (await Task.WhenAny(tick, wake) == tick)
            {
                if (!await tick)
                {
                    return;
                }

                tick = null;
            }
            else
            {
                wake = null;
            }

            if (!stoppingToken.IsCancellationRequested)
            {
                await TakeTurnAsync(stoppingToken);
            }
        }
    }

    private async Task TakeTurnAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var turn = await locks.TryTakeAsync(GetType().Name, LockWait, stoppingToken);
            if (turn is null)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            await RunAsync(scope.ServiceProvider.GetRequiredService<ISender>(), stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A database or Redis hiccup: the next turn tries again.
            logger.LogWarning(exception, "Failed {Work}; trying again at the next turn", What);
        }
    }
}

/// <summary>
/// Removing what has expired: once at start, then every hour. <see cref="Cleanup"/> answers how many it removed;
/// <see cref="RemovedAsync"/> follows a turn that removed any.
/// </summary>
internal abstract class HourlyCleanup(IServiceScopeFactory scopes, IWorkLocks locks, TimeProvider time, ILogger logger)
    : PeriodicWork(scopes, locks, time, logger)
{
    protected sealed override TimeSpan Interval => TimeSpan.FromHours(1);

    protected sealed override bool StartsAtOnce => true;

    protected abstract ICommand<int> Cleanup { get; }

    /// <summary>After a turn that removed <paramref name="count"/> (one or more): the log line, and what else follows.</summary>
    protected abstract Task RemovedAsync(int count, CancellationToken cancellationToken);

    protected sealed override async Task RunAsync(ISender sender, CancellationToken cancellationToken)
    {
        var count = await sender.Send(Cleanup, cancellationToken);
        if (count > 0)
        {
            await RemovedAsync(count, cancellationToken);
        }
    }
}
