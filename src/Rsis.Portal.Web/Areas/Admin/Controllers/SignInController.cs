using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Signing in and out. There is no registration: accounts are made by an administrator or the create-admin command.
/// Unlike the rest of staff accounts (use cases in <c>Application/StaffAccounts</c>), this talks to
/// <see cref="SignInManager{TUser}"/> itself: signing in and out is cookie work for this request, with nothing
/// to validate but two fields and nothing to audit.
/// </summary>
[AllowAnonymous]
public sealed class SignInController(SignInManager<StaffUser> signIn) : AdminController
{
    public const string WrongPassword = "The email or password is not right.";

    public static readonly string LockedOut =
        $"This account is locked after {StaffPasswordRules.MaxFailedSignIns} wrong passwords in a row. " +
        $"Try again in {StaffPasswordRules.LockoutDuration.TotalMinutes:0} minutes, or ask an administrator to unlock it.";

    public static readonly string LockedOutWhileSignedIn =
        $"Your account is locked after {StaffPasswordRules.MaxFailedSignIns} wrong passwords in a row, and you have been signed out. " +
        $"Try again in {StaffPasswordRules.LockoutDuration.TotalMinutes:0} minutes, or ask an administrator to unlock it.";

    [HttpGet(AdminAreaConfig.LoginPath)]
    public IActionResult Login(string? returnUrl, bool signedOut = false, bool signedOutEverywhere = false, bool lockedOut = false)
    {
        if (User.IsInRole(StaffRoles.Administrator) || User.IsInRole(StaffRoles.Editor))
        {
            return LocalRedirect(SafeReturnUrl(returnUrl));
        }

        ViewData["Notice"] =
            lockedOut ? LockedOutWhileSignedIn
            : signedOutEverywhere ? "You have signed out everywhere: every session of your account has ended."
            : signedOut ? "You have signed out."
            : null;
        return View(new SignInForm { ReturnUrl = returnUrl });
    }

    [HttpPost(AdminAreaConfig.LoginPath)]
    [EnableRateLimiting(AdminOptions.SignInRateLimitPolicy)]
    public async Task<IActionResult> Login(SignInForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password))
        {
            return Refused(form, "Enter your email and your password.");
        }

        var result = await signIn.PasswordSignInAsync(form.Email.Trim(), form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        }

        return Refused(form, result.IsLockedOut ? LockedOut : WrongPassword);
    }

    [HttpPost("/admin/logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect(AdminAreaConfig.LoginPath + "?signedOut=true");
    }

    private ViewResult Refused(SignInForm form, string message)
    {
        ModelState.AddModelError("", message);
        // What was typed comes back, except the password.
        var view = View(new SignInForm { Email = form.Email, ReturnUrl = form.ReturnUrl });
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }

    /// <summary>
    /// Only a path on this site: "//evil.example", "/\evil.example" and "https://evil.example" are not local,
    /// so they lead to the dashboard instead of away from the portal.
    /// </summary>
    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : AdminAreaConfig.BasePath;
}
