using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rsis.Portal.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in, doing the same work whether or not the email has an account. Identity answers an unknown
/// email at once (a few milliseconds) and checks a known one's password hash (about a hundred), so the time
/// alone told which emails are staff. For an unknown email the password is now checked against a hash of a
/// random password, with the same hasher and so the same cost; the answer is the same "not right".
/// </summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>A hash of a password nobody knows, made once, with the hasher's current settings.</summary>
    private static string? s_noAccountHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        var nobody = new StaffUser();
        var hasher = UserManager.PasswordHasher;
        hasher.VerifyHashedPassword(nobody, s_noAccountHash ??= hasher.HashPassword(nobody, GeneratedPassword.New()), password);
        return SignInResult.Failed;
    }
}
