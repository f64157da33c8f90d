using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>Your account: a wrong current password counts toward the lockout exactly as at sign-in.</summary>
public sealed class YourAccountTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    [Fact]
    public async Task The_fifth_wrong_current_password_locks_the_account_ends_the_session_and_says_why()
    {
        var (client, staff) = await portal.SignedInAsync(StaffRoles.Editor);
        var messages = new List<string>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.PostFormAsync("/admin/account/password", await PasswordFormAsync(client, "not my password " + attempt));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            messages.Add((await wrong.ReadPageAsync()).QuerySelector("#error-CurrentPassword")!.TextContent.Trim());
        }

        using var stillIn = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        using var fifth = await client.PostFormAsync("/admin/account/password", await PasswordFormAsync(client, "not my password 5"));
        var login = await client.GetPageAsync(fifth.Location());
        using var after = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        using var signIn = await portal.CreateVisitor().SignInAsync(staff.Email, staff.Password);

        Assert.Equal(5, portal.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout.MaxFailedAccessAttempts);
        Assert.Equal("That is not your current password. 4 more wrong tries lock your account for 15 minutes and sign you out.", messages[0]);
        Assert.Equal("That is not your current password. 1 more wrong try locks your account for 15 minutes and sign you out.", messages[3]);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Equal("/admin/login?lockedOut=true", fifth.Location());
        Assert.Contains("Your account is locked after 5 wrong passwords in a row, and you have been signed out.",
            login.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", after.Location(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Contains("This account is locked", (await signIn.ReadPageAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_current_password_starts_the_count_again()
    {
        var (client, staff) = await portal.SignedInAsync(StaffRoles.Editor);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await client.PostFormAsync("/admin/account/password", await PasswordFormAsync(client, "not my password " + attempt))).Dispose();
        }

        using var changed = await client.PostFormAsync("/admin/account/password", await PasswordFormAsync(client, staff.Password, "a brand new passphrase"));
        using var wrongAgain = await client.PostFormAsync("/admin/account/password", await PasswordFormAsync(client, "not my password 5"));

        Assert.Equal("/admin/account/password?changed=true", changed.Location());
        Assert.Equal(HttpStatusCode.BadRequest, wrongAgain.StatusCode);
        Assert.Contains("4 more wrong tries", (await wrongAgain.ReadPageAsync()).QuerySelector("#error-CurrentPassword")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<FormFields> PasswordFormAsync(HttpClient client, string current, string replacement = "a new passphrase to use") =>
        FormFields.Of(await client.GetPageAsync("/admin/account/password"), "form[action='/admin/account/password']")
            .Set("CurrentPassword", current)
            .Set("NewPassword", replacement)
            .Set("ConfirmPassword", replacement);
}
