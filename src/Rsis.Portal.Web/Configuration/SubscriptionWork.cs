namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Sends the outbox every <c>Email:SendInterval</c> (10 seconds unless set). One node at a time holds the lock, and
/// each row is claimed in the database before it is sent as well, so neither a second node nor a restart sends one
/// twice. Says at start where mail goes: the SMTP server, or the folder .eml files are written to.
/// </summary>
internal sealed class OutboxSending(
    IServiceScopeFactory scopes, IWorkLocks locks, TimeProvider time, IConfiguration configuration, MailDestination destination,
    ILogger<OutboxSending> logger)
    : PeriodicWork(scopes, locks, time, logger)
{
    protected override TimeSpan Interval { get; } = configuration.GetValue("Email:SendInterval", TimeSpan.FromSeconds(10));

    protected override bool StartsAtOnce => true;

    protected override string What => "sending the email outbox";

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (destination.IsFolder)
        {
            logger.LogInformation("No SMTP server is configured (Email:Smtp:Host): emails are written as .eml files to {Folder}", destination.Description);
        }
        else
        {
            logger.LogInformation("Emails are sent through the SMTP server {Server}", destination.Description);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task RunAsync(ISender sender, CancellationToken cancellationToken)
    {
        // A full batch means more are waiting: go on rather than wait a turn.
        int sent;
        do
        {
            sent = await sender.Send(new SendOutbox(), cancellationToken);
            if (sent > 0)
            {
                logger.LogInformation("Sent {Count} email(s) from the outbox", sent);
            }
        }
        while (sent == SendOutbox.BatchSize);
    }
}

/// <summary>
/// Queues the weekly digests once the configured day and local time (<c>Email:DigestDay</c>, <c>Email:DigestTime</c>
/// in <c>Site:TimeZone</c>) has come: checked every few minutes, and numbered by the digest's day, so a late or a
/// second check (on another node) queues nothing twice.
/// </summary>
internal sealed class WeeklyDigests(
    IServiceScopeFactory scopes, IWorkLocks locks, TimeProvider time, SiteTime siteTime, IOptions<SubscriptionOptions> options,
    IConfiguration configuration, ILogger<WeeklyDigests> logger)
    : PeriodicWork(scopes, locks, time, logger)
{
    protected override TimeSpan Interval { get; } = configuration.GetValue("Email:DigestCheckInterval", TimeSpan.FromMinutes(5));

    protected override bool StartsAtOnce => true;

    protected override string What => "queuing the weekly digests";

    protected override async Task RunAsync(ISender sender, CancellationToken cancellationToken)
    {
        var (dueAtUtc, day) = LastDigestMoment(Time.GetUtcNow().UtcDateTime, siteTime, options.Value);
        var queued = await sender.Send(new QueueWeeklyDigests(dueAtUtc, day.DayNumber), cancellationToken);
        if (queued > 0)
        {
            logger.LogInformation("Queued {Count} weekly digest(s)", queued);
        }
    }

    /// <summary>The latest digest moment at or before <paramref name="nowUtc"/>, and its local day.</summary>
    internal static (DateTime DueAtUtc, DateOnly Day) LastDigestMoment(DateTime nowUtc, SiteTime siteTime, SubscriptionOptions options)
    {
        var local = siteTime.ToSite(nowUtc);
        var day = DateOnly.FromDateTime(local);
        day = day.AddDays(-(((int)day.DayOfWeek - (int)options.DigestDay + 7) % 7));
        var due = siteTime.ToUtc(day.ToDateTime(TimeOnly.FromTimeSpan(options.DigestTime)));
        if (due > nowUtc)
        {
            day = day.AddDays(-7);
            due = siteTime.ToUtc(day.ToDateTime(TimeOnly.FromTimeSpan(options.DigestTime)));
        }

        return (due, day);
    }
}

/// <summary>Forgets addresses not confirmed within 7 days: once at start, then every hour, on one node at a time.</summary>
internal sealed class UnconfirmedForgetting(IServiceScopeFactory scopes, IWorkLocks locks, TimeProvider time, ILogger<UnconfirmedForgetting> logger)
    : HourlyCleanup(scopes, locks, time, logger)
{
    protected override string What => "forgetting unconfirmed email addresses";

    protected override ICommand<int> Cleanup => new ForgetUnconfirmed();

    protected override Task RemovedAsync(int count, CancellationToken cancellationToken)
    {
        logger.LogInformation("Forgot {Count} email address(es) not confirmed within 7 days", count);
        return Task.CompletedTask;
    }
}

/// <summary>The <c>Email</c> section's limits on the subscribe form.</summary>
public sealed class SubscribeLimits
{
    public const string RateLimitPolicy = "subscribe";

    public int SubscribePermitsPerWindow { get; set; } = 5;

    public TimeSpan SubscribeWindow { get; set; } = TimeSpan.FromMinutes(10);
}

public static class SubscriptionsConfig
{
    /// <summary>
    /// Email subscriptions: the sender (SMTP, or a folder), mailed links that start at <c>Site:PublicBaseUrl</c>,
    /// the outbox, digest and forgetting jobs, and the per-client limit of the subscribe form (the per-address
    /// limit is the Subscribe use case's, which keeps the answer the same).
    /// </summary>
    public static IServiceCollection AddEmailSubscriptions(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddPortalEmail(configuration, environment);
        services.AddOptions<SubscriptionOptions>().Configure<IOptions<SiteOptions>>((email, site) =>
        {
            // Outside Development the setting is required. In Development without it, the address the app listens
            // on (ASPNETCORE_URLS, as dotnet run sets it), so the links in the .eml files open the running site.
            var listening = configuration["urls"]?.Split(';').FirstOrDefault()?.Replace("//0.0.0.0", "//localhost", StringComparison.Ordinal)
                .Replace("//+", "//localhost", StringComparison.Ordinal).Replace("//*", "//localhost", StringComparison.Ordinal);
            if (PinnedHost.TryParse(site.Value.PublicBaseUrl, out var origin) || PinnedHost.TryParse(listening, out origin))
            {
                email.PublicBaseUrl = origin.GetLeftPart(UriPartial.Authority);
            }
        });
        services.AddHostedService<OutboxSending>();
        services.AddHostedService<WeeklyDigests>();
        services.AddHostedService<UnconfirmedForgetting>();

        var limits = configuration.GetSection(SubscriptionOptions.SectionName).Get<SubscribeLimits>() ?? new SubscribeLimits();
        services.AddRateLimiter(limiter => limiter.AddPolicy(SubscribeLimits.RateLimitPolicy, context =>
            ClientRateLimits.PerClientAddress(context, SubscribeLimits.RateLimitPolicy, limits.SubscribePermitsPerWindow, limits.SubscribeWindow)));
        return services;
    }
}
