using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Rsis.Portal.Infrastructure.Identity;
using Rsis.Portal.Web.Areas.Admin.Models;
using Rsis.Portal.Web.Configuration;
using Rsis.Portal.Web.Filters;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Staff accounts, for Administrators only: every route here, GET or POST, answers an Editor 403 before it
/// looks at the id. The forms on one account's page come back on that page when refused, hence the shared
/// action name <c>Edit</c>.
/// </summary>
[Authorize(Policy = AdminAreaConfig.AdministratorsPolicy)]
[Route("admin/users")]
public sealed class UsersController(StaffAccountAdministration accounts, UserManager<StaffUser> users, TimeProvider time)
    : AdminController, IRedisplaysForms
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? deleted, CancellationToken cancellationToken) =>
        View(new StaffAccountList(await accounts.ListAsync(cancellationToken), deleted, time.GetUtcNow()));

    [HttpGet("new")]
    public IActionResult Create() => View(new NewStaffAccountForm());

    /// <summary>The generated password is on the page this answers, once; it is not stored, so there is no address to come back to.</summary>
    [HttpPost("new")]
    public async Task<IActionResult> Create(NewStaffAccountForm form, CancellationToken cancellationToken) =>
        View("Created", await accounts.CreateAsync(form.Email, form.Role, User, cancellationToken));

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, string? saved, CancellationToken cancellationToken)
    {
        var form = new StaffAccountForm { Id = id };
        await PrepareAsync(form, cancellationToken);
        ViewData["Saved"] = saved;
        return form.Account is null ? NotFound() : View(form);
    }

    [HttpPost("{id}/role")]
    [ActionName(nameof(Edit))]
    public async Task<IActionResult> ChangeRole(string id, StaffAccountForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return await accounts.ChangeRoleAsync(id, form.Role, User, cancellationToken) ? Saved(id, "role") : NotFound();
    }

    [HttpPost("{id}/lock")]
    [ActionName(nameof(Edit))]
    public async Task<IActionResult> Lock(string id, StaffAccountForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return await accounts.LockAsync(id, User, cancellationToken) ? Saved(id, "locked") : NotFound();
    }

    [HttpPost("{id}/unlock")]
    [ActionName(nameof(Edit))]
    public async Task<IActionResult> Unlock(string id, StaffAccountForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return await accounts.UnlockAsync(id, User, cancellationToken) ? Saved(id, "unlocked") : NotFound();
    }

    [HttpPost("{id}/password")]
    [ActionName(nameof(Edit))]
    public async Task<IActionResult> ResetPassword(string id, StaffAccountForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var reset = await accounts.ResetPasswordAsync(id, User, cancellationToken);
        return reset is null ? NotFound() : View("Password", reset);
    }

    [HttpGet("{id}/delete")]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
    {
        var form = new StaffAccountForm { Id = id };
        await PrepareAsync(form, cancellationToken);
        return form.Account is null ? NotFound() : View(form);
    }

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> Delete(string id, StaffAccountForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var email = (await accounts.GetAsync(id, cancellationToken))?.Email;
        return await accounts.DeleteAsync(id, User, cancellationToken)
            ? Redirect("/admin/users?deleted=" + Uri.EscapeDataString(email ?? ""))
            : NotFound();
    }

    public async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken)
    {
        if (form is StaffAccountForm account)
        {
            await PrepareAsync(account, cancellationToken);
        }
    }

    private async Task PrepareAsync(StaffAccountForm form, CancellationToken cancellationToken)
    {
        form.Account = await accounts.GetAsync(form.Id, cancellationToken);
        form.Role ??= form.Account?.Role;
        form.IsYours = form.Id == users.GetUserId(User);
    }

    private RedirectResult Saved(string id, string what) => Redirect($"/admin/users/{Uri.EscapeDataString(id)}?saved={what}");
}
