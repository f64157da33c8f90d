using Rsis.Portal.Application.StaffAccounts;

namespace Rsis.Portal.Application.Common.Interfaces;

/// <summary>
/// Staff accounts as the use cases need them, kept by ASP.NET Core Identity in Infrastructure (as jasontaylordev's
/// CleanArchitecture keeps its <c>IIdentityService</c>): the steps, without the rules. Which changes are allowed,
/// their messages and their audit entries are the use cases' (<c>StaffAccounts/</c>), so staff accounts pass the
/// logging and validation behaviours like everything else. A change that returns problems did nothing; the
/// problems are Identity's own words (a user name it does not allow, a password too short).
/// </summary>
public interface IStaffAccounts
{
    Task<IReadOnlyList<StaffAccountFacts>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One account, or null when there is no such account.</summary>
    Task<StaffAccountFacts?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Whether an account has this email, whatever its case.</summary>
    Task<bool> HasAccountAsync(string email, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one change to staff accounts — its checks, Identity's saves and the audit entries added meanwhile — in
    /// one transaction with every other such change, one at a time, so that two administrators taking each other
    /// out at the same instant cannot both succeed: the second sees the first's result.
    /// </summary>
    Task<T> OneAtATimeAsync<T>(Func<CancellationToken, Task<T>> change, CancellationToken cancellationToken);

    /// <summary>Whether no administrator but this account can sign in (unlocked, or their lockout over).</summary>
    Task<bool> IsTheOnlyAdministratorWhoCanSignInAsync(string id, CancellationToken cancellationToken);

    /// <summary>A new account in <paramref name="role"/> with a generated password, returned to be shown once.</summary>
    Task<StaffAccountChange<GeneratedStaffPassword>> CreateAsync(string email, string role);

    /// <summary>Makes <paramref name="role"/> the account's only role.</summary>
    Task<IReadOnlyList<string>> SetRoleAsync(string id, string role);

    /// <summary>Locks the account until someone unlocks it and ends its sessions.</summary>
    Task<IReadOnlyList<string>> LockAsync(string id);

    /// <summary>Unlocks the account, whether an administrator or wrong passwords locked it.</summary>
    Task<IReadOnlyList<string>> UnlockAsync(string id);

    /// <summary>A new generated password (shown once); the old one stops working and the account's sessions end.</summary>
    Task<StaffAccountChange<string>> ResetPasswordAsync(string id);

    /// <summary>Deletes the account, and with it its sessions.</summary>
    Task<IReadOnlyList<string>> DeleteAsync(string id);

    /// <summary>
    /// Checks the signed-in member of staff's password as the sign-in does: a wrong one counts toward the lockout.
    /// </summary>
    Task<PasswordCheck> CheckYourPasswordAsync(string password);

    /// <summary>Sets your new password; your other sessions end and this one is renewed.</summary>
    Task<IReadOnlyList<string>> ChangeYourPasswordAsync(string currentPassword, string newPassword);

    /// <summary>Ends this session only.</summary>
    Task SignOutAsync();

    /// <summary>Ends every session of your account: on other devices, on every app node, and this one.</summary>
    Task SignOutEverywhereAsync(CancellationToken cancellationToken);
}

/// <summary>What a change made, or Identity's reasons for refusing it.</summary>
public sealed record StaffAccountChange<T>(T? Made, IReadOnlyList<string> Problems);

/// <summary>How a password check ended: right, wrong (with the tries left before the lockout), or locking the account.</summary>
public sealed record PasswordCheck(bool Succeeded, bool LockedOut, int TriesLeft);
