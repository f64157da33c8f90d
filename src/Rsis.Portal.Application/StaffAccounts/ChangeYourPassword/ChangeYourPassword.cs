using Rsis.Portal.Application.Common.Security;

namespace Rsis.Portal.Application.StaffAccounts.ChangeYourPassword;

/// <summary>How a change of one's own password ended, when it was not refused with a message.</summary>
public enum PasswordChangeOutcome
{
    Changed,

    /// <summary>The last wrong current password locked the account: this session has ended.</summary>
    LockedOut,
}

/// <summary>
/// The signed-in member of staff chooses a new password, as the Your account form posts it. A class, not a
/// record: a record's generated ToString would print the passwords into any log that formats it.
/// </summary>
public sealed class ChangeYourPassword : ICommand<PasswordChangeOutcome>
{
    public string? CurrentPassword { get; init; }
    public string? NewPassword { get; init; }
    public string? ConfirmPassword { get; init; }
}

public sealed class ChangeYourPasswordValidator : AbstractValidator<ChangeYourPassword>
{
    public ChangeYourPasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage("The two new passwords are not the same.");
    }
}

/// <summary>
/// The current password is checked as the sign-in checks it — a wrong one counts toward the lockout. Without the
/// count, a session left open on a shared computer was a way to guess the password without limit. At the lockout
/// this session ends too, so the guessing stops here as well.
/// </summary>
public sealed class ChangeYourPasswordHandler(IStaffAccounts accounts) : ICommandHandler<ChangeYourPassword, PasswordChangeOutcome>
{
    public async ValueTask<PasswordChangeOutcome> Handle(ChangeYourPassword command, CancellationToken cancellationToken)
    {
        var check = await accounts.CheckYourPasswordAsync(command.CurrentPassword!);
        if (check.LockedOut)
        {
            await accounts.SignOutAsync();
            return PasswordChangeOutcome.LockedOut;
        }

        if (!check.Succeeded)
        {
            StaffAccountRules.Refuse(nameof(command.CurrentPassword), [
                $"That is not your current password. {check.TriesLeft} more wrong {(check.TriesLeft == 1 ? "try locks" : "tries lock")} your account " +
                $"for {StaffPasswordRules.LockoutDuration.TotalMinutes:0} minutes and sign you out."]);
        }

        StaffAccountRules.Refuse(nameof(command.NewPassword), await accounts.ChangeYourPasswordAsync(command.CurrentPassword!, command.NewPassword ?? ""));
        return PasswordChangeOutcome.Changed;
    }
}
