using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Infrastructure.Identity;

public static class IdentitySetup
{
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
                options.Password.RequiredLength = StaffPasswordRules.MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = StaffPasswordRules.MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = StaffPasswordRules.LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserManager<StaffUserManager>()
            .AddSignInManager<StaffSignInManager>()
            .AddDefaultTokenProviders();
        services.AddSingleton<StaffSessionStore>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<IStaffAccounts, IdentityStaffAccounts>();
        return services.AddPortalDataProtection(configuration, contentRoot);
    }
}
