namespace Rsis.Portal.Application.Common.Security;

/// <summary>The two kinds of staff account. There is no reader account: readers never sign in.</summary>
public static class StaffRoles
{
    /// <summary>Everything, including staff accounts.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Content and feedback.</summary>
    public const string Editor = "Editor";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor];
}
