using Microsoft.AspNetCore.Identity;
using Rsis.Portal.Application.Common.Security;

namespace Rsis.Portal.Infrastructure.Identity;

/// <summary>A staff account with the password just given to it; the password is shown once and kept nowhere.</summary>
public sealed record StaffAccount(string Email, string Password, bool AlreadyExisted);

/// <summary>Creating staff accounts from the command line, at startup and in tests.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles)
{
    /// <summary>Makes sure the Administrator and Editor roles exist; changes nothing when they do.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the role {role}");
            }
        }
    }

    public async Task<bool> AnyAdministratorAsync() => (await users.GetUsersInRoleAsync(StaffRoles.Administrator)).Count > 0;

    /// <summary>
    /// Creates the account with a generated password, in <paramref name="role"/>. An account that already exists
    /// gets the role, a new generated password and is unlocked: the way back in for a locked-out administrator,
    /// for whoever can run commands on the server.
    /// </summary>
    public Task<StaffAccount> CreateOrResetAsync(string email, string role) => CreateOrResetAsync(email, role, GeneratedPassword.New());

    /// <summary>As <see cref="CreateOrResetAsync(string, string)"/> with a chosen password (tests).</summary>
    public async Task<StaffAccount> CreateOrResetAsync(string email, string role, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        await EnsureRolesAsync();
        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        var existed = user is not null;
        if (user is null)
        {
            user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), $"create the account {email}");
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, password), $"reset the password of {email}");
            Check(await users.SetLockoutEndDateAsync(user, null), $"unlock {email}");
            Check(await users.ResetAccessFailedCountAsync(user), $"unlock {email}");
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), $"make {email} an {role}");
        }

        return new StaffAccount(email, password, existed);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
