using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;

namespace Rsis.Portal.Infrastructure.Identity;

/// <summary>How a change of one's own password ended, when it was not refused with a message.</summary>
public enum PasswordChangeOutcome
{
    Changed,

    /// <summary>The last wrong current password locked the account: this session has ended.</summary>
    LockedOut,
}

/// <summary>
/// What a member of staff does with their own account on Your account: choose a new password, sign out everywhere.
/// Refusals raise a <see cref="ValidationException"/> naming the form field, as the use cases' validators do.
/// </summary>
public sealed class OwnAccount(SignInManager<StaffUser> signIn, StaffSessionStore sessions)
{
    private UserManager<StaffUser> Users => signIn.UserManager;

    /// <summary>
    /// Checks the current password as the sign-in does — a wrong one counts toward the lockout — then sets the new
    /// one. Without the count, a session left open on a shared computer was a way to guess the password without
    /// limit. At the lockout this session ends too, so the guessing stops here as well. The new password gives the
    /// account a new security stamp, which ends its other sessions; this one is renewed with it.
    /// </summary>
    public async Task<PasswordChangeOutcome> ChangePasswordAsync(
        ClaimsPrincipal you, string? currentPassword, string? newPassword, string? confirmPassword)
    {
        var user = await Users.GetUserAsync(you) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        var failures = new List<ValidationFailure>();
        if (string.IsNullOrEmpty(currentPassword))
        {
            failures.Add(new("CurrentPassword", "Enter your current password."));
        }

        if (newPassword != confirmPassword)
        {
            failures.Add(new("ConfirmPassword", "The two new passwords are not the same."));
        }

        Refuse(failures);
        var check = await signIn.CheckPasswordSignInAsync(user, currentPassword!, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await signIn.SignOutAsync();
            return PasswordChangeOutcome.LockedOut;
        }

        if (!check.Succeeded)
        {
            var left = Users.Options.Lockout.MaxFailedAccessAttempts - await Users.GetAccessFailedCountAsync(user);
            Refuse([new("CurrentPassword",
                $"That is not your current password. {left} more wrong {(left == 1 ? "try locks" : "tries lock")} your account " +
                $"for {Users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minutes and sign you out.")]);
        }

        var changed = await Users.ChangePasswordAsync(user, currentPassword!, newPassword ?? "");
        Refuse(changed.Errors
            .Select(e => new ValidationFailure(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "CurrentPassword" : "NewPassword", e.Description))
            .ToList());
        await signIn.RefreshSignInAsync(user);
        return PasswordChangeOutcome.Changed;
    }

    /// <summary>Ends every session of the account — on other devices, on every app node, and this one.</summary>
    public async Task SignOutEverywhereAsync(ClaimsPrincipal you, CancellationToken cancellationToken)
    {
        var userId = Users.GetUserId(you) ?? throw new InvalidOperationException("Nobody is signed in.");
        await sessions.EndAllAsync(userId, cancellationToken);
        await signIn.SignOutAsync();
    }

    private static void Refuse(List<ValidationFailure> failures)
    {
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}
