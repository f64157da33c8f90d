using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Rsis.Portal.Web.Configuration;

public static class AdminAreaConfig
{
    /// <summary>The admin area's base path; the sign-in cookie is sent to nothing else.</summary>
    public const string BasePath = "/admin";

    public const string LoginPath = "/admin/login";

    /// <summary>Any member of staff: content and feedback.</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>Administrators only: staff accounts and the audit log.</summary>
    public const string AdministratorsPolicy = "Administrators";

    public static IServiceCollection AddAdminArea(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<ICurrentUser, SignedInStaff>();

        var options = configuration.GetSection(AdminOptions.SectionName).Get<AdminOptions>() ?? new AdminOptions();
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.SectionName));

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "rsis-staff";
            // Scoped to the admin area: public pages never see it, so they stay cacheable and the same for everyone.
            cookie.Cookie.Path = BasePath;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = "/admin/logout";
            cookie.ExpireTimeSpan = options.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                // A signed-in Editor on an Administrators' page: say 403 here rather than redirect elsewhere.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // The cookie holds only a session key; the session is a row in the database (see StaffSessionStore), so
        // signing out ends it at once on every app node, and a copy of the cookie is worth nothing afterwards.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<StaffSessionStore>((cookie, sessions) => cookie.SessionStore = sessions);
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = options.SecurityStampValidationInterval);

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(StaffRoles.Administrator, StaffRoles.Editor))
            .AddPolicy(AdministratorsPolicy, policy => policy.RequireRole(StaffRoles.Administrator));

        services.AddHostedService<ScheduledPublishing>();
        services.AddHostedService<TrashPurging>();
        services.AddSingleton<PdfTextSignal>();
        services.AddSingleton<IPdfTextSignal>(provider => provider.GetRequiredService<PdfTextSignal>());
        services.AddHostedService<PdfTextExtraction>();

        // Lockout stops guessing one account's password; this stops one address trying many accounts.
        services.AddRateLimiter(limiter => limiter.AddPolicy(AdminOptions.SignInRateLimitPolicy, context =>
            ClientRateLimits.PerClientAddress(context, AdminOptions.SignInRateLimitPolicy, options.SignInPermitsPerWindow, options.SignInWindow)));
        return services;
    }

    /// <summary>
    /// Admin responses, redirects and error pages included, are never stored by a browser or a proxy:
    /// a shared computer's back button must not show the last editor's pages.
    /// </summary>
    public static IApplicationBuilder UseAdminNoStore(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(BasePath, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
}
