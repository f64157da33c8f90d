using System.Threading.RateLimiting;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// "At most N requests a window from one client address", with the windows counted on the portal's clock
/// (<see cref="TimeProvider"/>) rather than the limiter's own stopwatch: the window is part of the partition
/// key, so a new window is a new, full partition, and tests move a fake clock instead of waiting. The address
/// is only a key; it is never stored. An old window's partition replenishes and is dropped as idle. With
/// Redis configured the count of each window is kept there, so all nodes share one limit.
/// </summary>
public static class ClientRateLimits
{
    /// <summary>The window of the policy that is deciding this request, for the Retry-After of a refusal.</summary>
    private static readonly object WindowKey = new();

    /// <summary>A partition per client address and window; <paramref name="limit"/> (the policy's name) keeps the counts of different limits apart in a shared store.</summary>
    public static RateLimitPartition<string> PerClientAddress(HttpContext context, string limit, int permits, TimeSpan window)
    {
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var windowNumber = clock.GetUtcNow().UtcTicks / window.Ticks;
        context.Items[WindowKey] = window;
        var key = $"{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"} {windowNumber}";
        var options = new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 };
        if (context.RequestServices.GetService<RedisLink>() is { } redis)
        {
            var outages = context.RequestServices.GetRequiredService<RedisOutages>();
            return RateLimitPartition.Get(key, _ =>
                new SharedWindowLimiter(redis, outages, $"rsis:rate:{limit}:{key}", permits, window, new FixedWindowRateLimiter(options)));
        }

        return RateLimitPartition.GetFixedWindowLimiter(key, _ => options);
    }

    /// <summary>Whole seconds until the refused client's window ends: never zero, which would invite an instant retry.</summary>
    public static int SecondsUntilNextWindow(HttpContext context)
    {
        if (context.Items[WindowKey] is not TimeSpan window)
        {
            return 60;
        }

        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var left = window.Ticks - (clock.GetUtcNow().UtcTicks % window.Ticks);
        return Math.Max(1, (int)Math.Ceiling(TimeSpan.FromTicks(left).TotalSeconds));
    }
}

/// <summary>
/// One client's window counted in Redis: every request adds one to the window's key (which expires with the
/// window), and is let through while the count is within the limit. While Redis is away the node counts in
/// its own memory (<paramref name="local"/>): a limit per node is better than none, or than refusing everyone.
/// </summary>
internal sealed class SharedWindowLimiter(RedisLink redis, RedisOutages outages, string key, int permits, TimeSpan window, RateLimiter local)
    : RateLimiter
{
    private const string Count = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return count
        """;

    private static readonly RateLimitLease Granted = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);

    public override TimeSpan? IdleDuration => local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    /// <summary>Redis cannot be asked without waiting: "not yet" sends the middleware to <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        redis.IsUp ? Refused : local.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (redis.IsUp)
        {
            try
            {
                var count = (long)await redis.Database.ScriptEvaluateAsync(Count, [key], [(long)window.TotalMilliseconds]);
                return count <= permits ? Granted : Refused;
            }
            catch (Exception exception) when (SharedStore.IsRedisFailure(exception))
            {
                outages.Report(exception, "counting a rate limit");
            }
        }

        return await local.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
