using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Infrastructure.Identity;

public static class IdentitySetup
{
    /// <summary>The lockout rule of the admin area: this many wrong passwords in a row lock the account…</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>…for this long.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public const int MinPasswordLength = 12;

    /// <summary>
    /// Staff accounts and their sessions in the portal's own database, and the Data Protection keys beside them,
    /// so that every app node reads the sessions, sign-in cookies and antiforgery tokens the others wrote. The
    /// cookie itself is configured by the web project, which also hands it <see cref="StaffSessionStore"/>.
    /// </summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddIdentity<StaffUser, IdentityRole>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
                options.Password.RequiredLength = MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserManager<StaffUserManager>()
            .AddSignInManager<StaffSignInManager>()
            .AddDefaultTokenProviders();
        services.AddSingleton<StaffSessionStore>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<StaffAccountAdministration>();
        services.AddScoped<OwnAccount>();
        return services.AddPortalDataProtection(configuration, contentRoot);
    }
}
