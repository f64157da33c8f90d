namespace Rsis.Portal.Application.Subscriptions;

/// <summary>The <c>Email</c> configuration section, as the subscription use cases read it.</summary>
public sealed class SubscriptionOptions
{
    public const string SectionName = "Email";

    /// <summary>The sender, e.g. "RSIS &lt;noreply@rsis.edu.sg&gt;"; without a name, the site's name is used.</summary>
    public string From { get; set; } = "noreply@localhost";

    /// <summary>
    /// The public origin that mailed links start with (set from <c>Site:PublicBaseUrl</c> by the web project).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost";

    /// <summary>At most one confirmation or "already subscribed" mail per address in this while: no mail-bombing through the form.</summary>
    public TimeSpan PerAddressInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The wait after a first failed attempt; it doubles with each failure, to six hours at most.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the outbox is tried before it is left to staff.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The day and local time (in <c>Site:TimeZone</c>) weekly digests go out.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    public TimeSpan DigestTime { get; set; } = new(8, 0, 0);
}

/// <summary>The rules of a subscription's life that are not settings.</summary>
public static class SubscriptionRules
{
    /// <summary>How long a confirmation link works.</summary>
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(48);

    /// <summary>An address not confirmed in this while is forgotten.</summary>
    public static readonly TimeSpan UnconfirmedKeptFor = TimeSpan.FromDays(7);

    /// <summary>How long a node keeps outbox rows it took to send before another may take them.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The wait after <paramref name="attempts"/> failed attempts: <paramref name="first"/>, then twice as long each time, at most six hours.</summary>
    public static TimeSpan BackOff(int attempts, TimeSpan first) =>
        TimeSpan.FromTicks((long)Math.Min(TimeSpan.FromHours(6).Ticks, first.Ticks * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30))));

    /// <summary>Who the audit log names for a subscriber deleted on their request (never their address).</summary>
    public const string AuditEntityType = "Subscriber";
}
