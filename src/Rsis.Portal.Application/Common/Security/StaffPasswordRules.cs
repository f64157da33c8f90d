namespace Rsis.Portal.Application.Common.Security;

/// <summary>The sign-in rules of the staff area, which Identity is configured with and the forms state.</summary>
public static class StaffPasswordRules
{
    /// <summary>This many wrong passwords in a row lock the account…</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>…for this long.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public const int MinPasswordLength = 12;
}
