namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Your account, the signed-in member of staff's own: choosing a new password, signing out everywhere. Refusals
/// come back on the form through the validation filter.
/// </summary>
public sealed class AccountController(ISender sender) : AdminController
{
    [HttpGet("/admin/account/password")]
    public IActionResult Password(bool changed = false)
    {
        ViewData["Changed"] = changed;
        return View(new ChangeYourPassword());
    }

    [HttpPost("/admin/account/password")]
    public async Task<IActionResult> Password(ChangeYourPassword command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken) == PasswordChangeOutcome.LockedOut
            ? Redirect(AdminAreaConfig.LoginPath + "?lockedOut=true")
            : Redirect("/admin/account/password?changed=true");

    [HttpPost("/admin/account/sign-out-everywhere")]
    public async Task<IActionResult> SignOutEverywhere(CancellationToken cancellationToken)
    {
        await sender.Send(new SignOutEverywhere(), cancellationToken);
        return Redirect(AdminAreaConfig.LoginPath + "?signedOutEverywhere=true");
    }
}
