namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>
/// One staff account's page and the forms on it (role, lock, password, delete), as posted. Each of those actions
/// takes it, even those that read only the id, because a refused form comes back on this page with it.
/// </summary>
public sealed class StaffAccountForm
{
    // From the address, never from the posted fields; bound even when another field fails to bind, so a
    // form refused before its action runs still comes back for the right item.
    [FromRoute]
    public string Id { get; set; } = "";

    /// <summary>The role chosen in the role form; the account's own role when another form was sent.</summary>
    public string? Role { get; set; }

    [BindNever]
    public StaffAccountFacts? Account { get; set; }

    /// <summary>Whether this is the signed-in administrator's own account.</summary>
    [BindNever]
    public bool IsYours { get; set; }
}

/// <summary>The list of staff, with what was just done.</summary>
public sealed record StaffAccountList(IReadOnlyList<StaffAccountFacts> Accounts, string? Deleted, DateTimeOffset Now);
