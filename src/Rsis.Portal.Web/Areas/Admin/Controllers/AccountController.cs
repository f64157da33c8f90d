using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Rsis.Portal.Infrastructure.Identity;
using Rsis.Portal.Web.Areas.Admin.Models;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>The signed-in member of staff's own account: choosing a new password.</summary>
public sealed class AccountController(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : AdminController
{
    [HttpGet("/admin/account/password")]
    public IActionResult Password(bool changed = false)
    {
        ViewData["Changed"] = changed;
        return View(new ChangePasswordForm());
    }

    [HttpPost("/admin/account/password")]
    public async Task<IActionResult> Password(ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(form.CurrentPassword))
        {
            ModelState.AddModelError(nameof(form.CurrentPassword), "Enter your current password.");
        }

        if (form.NewPassword != form.ConfirmPassword)
        {
            ModelState.AddModelError(nameof(form.ConfirmPassword), "The two new passwords are not the same.");
        }

        if (ModelState.ErrorCount == 0)
        {
            var result = await users.ChangePasswordAsync(user, form.CurrentPassword ?? "", form.NewPassword ?? "");
            if (result.Succeeded)
            {
                // The security stamp changed, which ends every other session; this one goes on.
                await signIn.RefreshSignInAsync(user);
                return Redirect("/admin/account/password?changed=true");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword), error.Description);
            }
        }

        var view = View(new ChangePasswordForm());
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
