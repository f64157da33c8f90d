using Microsoft.AspNetCore.Authorization;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Staff accounts, for Administrators only: every route here, GET or POST, answers an Editor 403 before it
/// looks at the id. The forms on one account's page come back on that page when refused, hence the shared
/// action name <c>Edit</c>.
/// </summary>
[Authorize(Policy = AdminAreaConfig.AdministratorsPolicy)]
[Route("admin/users")]
public sealed class UsersController(ISender sender, TimeProvider time) : AdminController, IRedisplaysForms
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? deleted, CancellationToken cancellationToken) =>
        View(new StaffAccountList(await sender.Send(new ListStaffAccounts(), cancellationToken), deleted, time.GetUtcNow()));

    [HttpGet("new")]
    public IActionResult Create() => View(new CreateStaffAccount());

    /// <summary>The generated password is on the page this answers, once; it is not stored, so there is no address to come back to.</summary>
    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateStaffAccount command, CancellationToken cancellationToken) =>
        View("Created", await sender.Send(command, cancellationToken));

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, string? saved, CancellationToken cancellationToken)
    {
        var form = new StaffAccountForm { Id = id };
        await PrepareRedisplayAsync(form, cancellationToken);
        ViewData["Saved"] = saved;
        return form.Account is null ? NotFound() : View(form);
    }

    [HttpPost("{id}/role")]
    [ActionName(nameof(Edit))]
    public async Task<IActionResult> ChangeRole(string id, StaffAccountForm form, CancellationToken cancellationToken) =>
        Saved(id, "role", await sender.Send(new ChangeStaffRole(id, form.Role), cancellationToken));

    [HttpPost("{id}/lock")]
    [ActionName(nameof(Edit))]
    public async Task<IActionResult> Lock(string id, StaffAccountForm form, CancellationToken cancellationToken) =>
        Saved(id, "locked", await sender.Send(new LockStaffAccount(id), cancellationToken));

    [HttpPost("{id}/unlock")]
    [ActionName(nameof(Edit))]
    public async Task<IActionResult> Unlock(string id, StaffAccountForm form, CancellationToken cancellationToken) =>
        Saved(id, "unlocked", await sender.Send(new UnlockStaffAccount(id), cancellationToken));

    [HttpPost("{id}/password")]
    [ActionName(nameof(Edit))]
    public async Task<IActionResult> ResetPassword(string id, StaffAccountForm form, CancellationToken cancellationToken) =>
        await sender.Send(new ResetStaffPassword(id), cancellationToken) is { } reset ? View("Password", reset) : NotFound();

    [HttpGet("{id}/delete")]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
    {
        var form = new StaffAccountForm { Id = id };
        await PrepareRedisplayAsync(form, cancellationToken);
        return form.Account is null ? NotFound() : View(form);
    }

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> Delete(string id, StaffAccountForm form, CancellationToken cancellationToken) =>
        await sender.Send(new DeleteStaffAccount(id), cancellationToken) is { } email
            ? Redirect("/admin/users?deleted=" + Uri.EscapeDataString(email))
            : NotFound();

    /// <summary>The account's page around a form: the account as it is now, and whether it is yours.</summary>
    public async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken)
    {
        if (form is StaffAccountForm account)
        {
            var page = await sender.Send(new GetStaffAccount(account.Id), cancellationToken);
            account.Account = page?.Account;
            account.Role ??= page?.Account.Role;
            account.IsYours = page?.IsYours ?? false;
        }
    }

    private IActionResult Saved(string id, string what, bool found) =>
        found ? Redirect($"/admin/users/{Uri.EscapeDataString(id)}?saved={what}") : NotFound();
}
