using Microsoft.AspNetCore.Mvc;
using Rsis.Portal.Infrastructure.Identity;
using Rsis.Portal.Web.Areas.Admin.Models;
using Rsis.Portal.Web.Configuration;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Your account, the signed-in member of staff's own: choosing a new password, signing out everywhere. Refusals
/// come back on the form through the validation filter.
/// </summary>
public sealed class AccountController(OwnAccount account) : AdminController
{
    [HttpGet("/admin/account/password")]
    public IActionResult Password(bool changed = false)
    {
        ViewData["Changed"] = changed;
        return View(new ChangePasswordForm());
    }

    [HttpPost("/admin/account/password")]
    public async Task<IActionResult> Password(ChangePasswordForm form) =>
        await account.ChangePasswordAsync(User, form.CurrentPassword, form.NewPassword, form.ConfirmPassword) == PasswordChangeOutcome.LockedOut
            ? Redirect(AdminAreaConfig.LoginPath + "?lockedOut=true")
            : Redirect("/admin/account/password?changed=true");

    [HttpPost("/admin/account/sign-out-everywhere")]
    public async Task<IActionResult> SignOutEverywhere(CancellationToken cancellationToken)
    {
        await account.SignOutEverywhereAsync(User, cancellationToken);
        return Redirect(AdminAreaConfig.LoginPath + "?signedOutEverywhere=true");
    }
}
