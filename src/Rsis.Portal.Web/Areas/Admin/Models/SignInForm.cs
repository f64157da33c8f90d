namespace Rsis.Portal.Web.Areas.Admin.Models;

public sealed class SignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }

    /// <summary>Where to go after signing in; followed only when it is a path on this site.</summary>
    public string? ReturnUrl { get; set; }
}
