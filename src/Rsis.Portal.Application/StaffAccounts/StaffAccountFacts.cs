using Rsis.Portal.Application.Common.Security;

namespace Rsis.Portal.Application.StaffAccounts;

/// <summary>A staff account as the Users screen shows it.</summary>
public sealed record StaffAccountFacts(
    string Id,
    string Email,
    IReadOnlyList<string> Roles,
    DateTimeOffset? LockedOutUntil,
    DateTime? LastChangedAtUtc,
    string? LastChangedBy)
{
    /// <summary>Locked by an administrator: until someone unlocks it, not for a while.</summary>
    public bool IsLockedUntilUnlocked => LockedOutUntil?.Year >= 9999;

    public bool IsLockedOut(DateTimeOffset now) => LockedOutUntil > now;

    public bool IsAdministrator => Roles.Contains(StaffRoles.Administrator);

    /// <summary>The one role the screen offers: Administrator when the account has it, else Editor when it has that.</summary>
    public string? Role => IsAdministrator ? StaffRoles.Administrator : Roles.Count > 0 ? Roles[0] : null;
}

/// <summary>A password the portal generated for an account: shown to the administrator once, kept nowhere.</summary>
public sealed record GeneratedStaffPassword(string Id, string Email, string Role, string Password);
