namespace Rsis.Portal.Web.Configuration;

/// <summary>The <c>Admin</c> configuration section: sign-in and sessions of the staff area.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";
    public const string SignInRateLimitPolicy = "admin-sign-in";

    /// <summary>Sign-in attempts one client address may make a window, whatever the account (lockout is per account).</summary>
    public int SignInPermitsPerWindow { get; set; } = 10;
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a session lasts without a request; each request renews it.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How often a session re-reads its account's roles, so that a new role reaches open sessions within this time.
    /// Ended sessions need no wait: a signed-out, locked, reset or deleted account's sessions end at their next
    /// request, because each request reads its session from the database.
    /// </summary>
    public TimeSpan SecurityStampValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>In Development only: the administrator created at startup when there is none.</summary>
    public string DevelopmentAdministratorEmail { get; set; } = "admin@example.org";
}
