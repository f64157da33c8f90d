using System.Threading.RateLimiting;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// "At most N requests a window from one client address", with the windows counted on the portal's clock
/// (<see cref="TimeProvider"/>) rather than the limiter's own stopwatch: the window is part of the partition
/// key, so a new window is a new, full partition, and tests move a fake clock instead of waiting. The address
/// is only a key in memory; it is never stored. An old window's partition replenishes and is dropped as idle.
/// </summary>
public static class ClientRateLimits
{
    /// <summary>The window of the policy that is deciding this request, for the Retry-After of a refusal.</summary>
    private static readonly object WindowKey = new();

    public static RateLimitPartition<string> PerClientAddress(HttpContext context, int permits, TimeSpan window)
    {
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var windowNumber = clock.GetUtcNow().UtcTicks / window.Ticks;
        context.Items[WindowKey] = window;
        return RateLimitPartition.GetFixedWindowLimiter(
            $"{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"} {windowNumber}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
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
