using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Infrastructure.Identity;
using Rsis.Portal.IntegrationTests.Infrastructure;
using Rsis.Portal.Web.Areas.Admin.Controllers;

namespace Rsis.Portal.IntegrationTests.Admin;

public sealed class SignInTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    [Fact]
    public async Task Staff_sign_in_with_email_and_password_and_land_on_the_dashboard_under_their_name()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var client = portal.CreateVisitor();

        using var response = await client.SignInAsync(staff.Email, staff.Password);
        var dashboard = await client.GetPageAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Location());
        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(staff.Email, dashboard.QuerySelector(".admin-account__name")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_the_email_kept_but_not_the_password()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var client = portal.CreateVisitor();

        using var response = await client.SignInAsync(staff.Email, "not the password at all");
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The email or password is not right.", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(staff.Email, page.QuerySelector("#field-Email")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#field-Password")!.GetAttribute("value"));
        using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("http://evil.example/admin")]
    public async Task A_return_address_off_the_site_is_not_followed(string returnUrl)
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);

        using var response = await portal.CreateVisitor().SignInAsync(staff.Email, staff.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Location());
    }

    [Fact]
    public async Task A_return_address_on_the_site_is_followed_after_signing_in()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var client = portal.CreateVisitor();
        using var asked = await client.GetAsync(new Uri("/admin/publications?q=cyber", UriKind.Relative), TestContext.Current.CancellationToken);
        var loginUrl = new Uri(new Uri("http://localhost"), asked.Location());
        var returnUrl = System.Web.HttpUtility.ParseQueryString(loginUrl.Query)["ReturnUrl"];

        using var response = await client.SignInAsync(staff.Email, staff.Password, returnUrl);

        Assert.Equal("/admin/login", loginUrl.AbsolutePath);
        Assert.Equal("/admin/publications?q=cyber", response.Location());
    }

    [Fact]
    public async Task The_fifth_wrong_password_in_a_row_locks_the_account_so_even_the_right_one_is_refused()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Administrator);
        var client = portal.CreateVisitor();
        var messages = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SignInAsync(staff.Email, "guess number " + attempt + " of many");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            messages.Add((await wrong.ReadPageAsync()).QuerySelector("[data-error-summary]")!.TextContent);
        }

        using var right = await client.SignInAsync(staff.Email, staff.Password);
        var page = await right.ReadPageAsync();

        Assert.Equal(5, portal.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout.MaxFailedAccessAttempts);
        Assert.All(messages.Take(4), m => Assert.Contains(SignInController.WrongPassword, m, StringComparison.Ordinal));
        Assert.Contains("This account is locked after 5 wrong passwords in a row. Try again in 15 minutes", messages[4], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("This account is locked after 5 wrong passwords in a row. Try again in 15 minutes",
            page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        var lockedUntil = await portal.WithServiceAsync<UserManager<StaffUser>, DateTimeOffset?>(async users =>
            await users.GetLockoutEndDateAsync((await users.FindByEmailAsync(staff.Email))!));
        Assert.InRange(lockedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task A_good_sign_in_starts_the_count_of_wrong_passwords_again()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var client = portal.CreateVisitor();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await client.SignInAsync(staff.Email, "first guess " + attempt)).Dispose();
        }

        using var good = await client.SignInAsync(staff.Email, staff.Password);
        var other = portal.CreateVisitor();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await other.SignInAsync(staff.Email, "second guess " + attempt);
            Assert.Contains(SignInController.WrongPassword, (await wrong.ReadPageAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        }

        using var stillOpen = await other.SignInAsync(staff.Email, staff.Password);

        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, stillOpen.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var (client, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var dashboard = await client.GetPageAsync("/admin");

        using var signOut = await client.PostFormAsync("/admin/logout", FormFields.Of(dashboard, "form[action='/admin/logout']"));
        using var after = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        var login = await client.GetPageAsync(signOut.Location());

        Assert.Equal("/admin/login?signedOut=true", signOut.Location());
        Assert.Equal("You have signed out.", login.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", after.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_account_is_signed_out_at_its_next_request()
    {
        var (client, staff) = await portal.SignedInAsync(StaffRoles.Administrator);
        await client.GetPageAsync("/admin");

        await portal.WithServiceAsync<UserManager<StaffUser>, IdentityResult>(async users =>
            await users.DeleteAsync((await users.FindByEmailAsync(staff.Email))!));
        using var after = await client.GetAsync(new Uri("/admin/publications", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", after.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_of_the_account_but_not_this_one()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var here = portal.CreateVisitor();
        var elsewhere = portal.CreateVisitor();
        (await here.SignInAsync(staff.Email, staff.Password)).Dispose();
        (await elsewhere.SignInAsync(staff.Email, staff.Password)).Dispose();
        await elsewhere.GetPageAsync("/admin");

        var form = FormFields.Of(await here.GetPageAsync("/admin/account/password"), "form[action='/admin/account/password']")
            .Set("CurrentPassword", staff.Password)
            .Set("NewPassword", "a brand new passphrase")
            .Set("ConfirmPassword", "a brand new passphrase");
        using var changed = await here.PostFormAsync("/admin/account/password", form);
        using var elsewhereAfter = await elsewhere.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("/admin/account/password?changed=true", changed.Location());
        Assert.Contains("Your password has been changed.", (await here.GetPageAsync(changed.Location())).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, elsewhereAfter.StatusCode);
        using var old = await portal.CreateVisitor().SignInAsync(staff.Email, staff.Password);
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
    }

    [Fact]
    public async Task A_new_password_shorter_than_twelve_characters_is_refused_beside_the_field()
    {
        var (client, staff) = await portal.SignedInAsync(StaffRoles.Editor);
        var form = FormFields.Of(await client.GetPageAsync("/admin/account/password"), "form[action='/admin/account/password']")
            .Set("CurrentPassword", staff.Password)
            .Set("NewPassword", "short pass1")
            .Set("ConfirmPassword", "short pass1");

        using var response = await client.PostFormAsync("/admin/account/password", form);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at least 12 characters", page.QuerySelector("#error-NewPassword")!.TextContent, StringComparison.Ordinal);
        using var stillOld = await portal.CreateVisitor().SignInAsync(staff.Email, staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, stillOld.StatusCode);
    }

    [Fact]
    public async Task Create_admin_gives_a_generated_password_that_signs_in_and_running_it_again_replaces_it()
    {
        var email = $"first-{Guid.NewGuid():N}@example.org";

        var first = await portal.WithServiceAsync<StaffAccounts, StaffAccount>(accounts => accounts.CreateOrResetAsync(email, StaffRoles.Administrator));
        var again = await portal.WithServiceAsync<StaffAccounts, StaffAccount>(accounts => accounts.CreateOrResetAsync(email, StaffRoles.Administrator));
        var client = portal.CreateVisitor();
        using var withOld = await client.SignInAsync(email, first.Password);
        using var withNew = await client.SignInAsync(email, again.Password);

        Assert.False(first.AlreadyExisted);
        Assert.True(again.AlreadyExisted);
        Assert.True(first.Password.Length >= 24);
        Assert.NotEqual(first.Password, again.Password);
        Assert.Equal(HttpStatusCode.BadRequest, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        await client.GetPageAsync("/admin/audit");
    }

    [Fact]
    public async Task There_is_no_public_registration()
    {
        var client = portal.CreateReader();

        foreach (var url in new[] { "/admin/register", "/Identity/Account/Register", "/account/register" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{url} answered {(int)response.StatusCode}.");
            Assert.DoesNotContain("register", response.Location(), StringComparison.OrdinalIgnoreCase);
        }
    }
}

/// <summary>
/// The default sign-in rate limit, lowered so the test needs few requests, on a clock that stands still so the
/// attempts cannot straddle two windows.
/// </summary>
public sealed class SignInRateLimitedPortal : FakeClockPortal
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Admin:SignInPermitsPerWindow", "3")];
}

public sealed class SignInRateLimitTests(SignInRateLimitedPortal portal) : IClassFixture<SignInRateLimitedPortal>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429_with_retry_after()
    {
        var client = portal.CreateVisitor();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var refused = await client.SignInAsync($"someone{attempt}@example.org", "not a real password");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var limited = await client.SignInAsync("someone@example.org", "not a real password");
        var html = await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        // The clock stands 20 seconds into the minute-long window.
        Assert.Equal(TimeSpan.FromSeconds(40), limited.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many requests", html, StringComparison.Ordinal);
    }
}
