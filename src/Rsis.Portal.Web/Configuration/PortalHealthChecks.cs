using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// What a proxy or an orchestrator asks a node: <c>/health/live</c> (the process answers: restart it if not) and
/// <c>/health/ready</c> (it can serve pages: send it readers). Not cached, not rate-limited, answered
/// <c>Cache-Control: no-store</c>, and a healthy answer is logged at Debug (<see cref="LoggingConfig"/>).
/// </summary>
public static class PortalHealthChecks
{
    public const string LivePath = "/health/live";

    public const string ReadyPath = "/health/ready";

    /// <summary>
    /// The tag of every check <c>/health/ready</c> runs: a check of another service the node needs (Redis, when
    /// <c>ConnectionStrings:Redis</c> is set) is registered with this tag where that service's connection is.
    /// </summary>
    public const string Ready = "ready";

    public static IHealthChecksBuilder AddPortalHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseReadinessCheck>("database", tags: [Ready]);

    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // Live runs no check: a process that can answer this is alive, whatever the database does. Restarting a
        // node because the database is down would not bring the database back.
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WritePlainText })
            .DisableRateLimiting();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WritePlainText })
            .DisableRateLimiting();
        return endpoints;
    }

    /// <summary>
    /// The overall status, then one line per check with the check's own description (never an exception's
    /// message, which could carry a connection string or a path): "database: Unhealthy (not migrated: 3 migrations pending)".
    /// The framework's options already answer no-store (<c>AllowCachingResponses</c> is false).
    /// </summary>
    private static Task WritePlainText(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder().Append(report.Status).Append('\n');
        foreach (var (name, entry) in report.Entries)
        {
            text.Append(name).Append(": ").Append(entry.Status);
            if (!string.IsNullOrEmpty(entry.Description))
            {
                text.Append(" (").Append(entry.Description).Append(')');
            }

            text.Append('\n');
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}

/// <summary>
/// The database answers and has every migration this build knows: a node on a database an older release left
/// (a release job has not migrated yet) would fail on the first query that reads a new column.
/// </summary>
internal sealed class DatabaseReadinessCheck(IServiceProvider services, ILogger<DatabaseReadinessCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Resolved here, not injected: on SQLite the context comes with an opened connection, and a file
            // that cannot be opened must make this check unhealthy rather than fail to build it.
            var db = services.GetRequiredService<PortalDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("reachable and migrated")
                : HealthCheckResult.Unhealthy($"not migrated: {pending} {(pending == 1 ? "migration" : "migrations")} pending");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The details go to the log only; the answer says what an operator checks first.
            logger.LogWarning(exception, "The readiness check could not reach the database.");
            return HealthCheckResult.Unhealthy("unreachable");
        }
    }
}
