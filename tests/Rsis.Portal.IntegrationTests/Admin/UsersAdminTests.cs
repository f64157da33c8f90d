using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Infrastructure.Identity;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>Helpers for the Users screen: creating accounts through it and finding them.</summary>
internal static class UsersScreen
{
    public static async Task<string> AccountIdAsync(this PortalFactory portal, string email) =>
        await portal.WithServiceAsync<UserManager<StaffUser>, string>(async users => (await users.FindByEmailAsync(email))!.Id);

    public static async Task<IList<string>> RolesAsync(this PortalFactory portal, string email) =>
        await portal.WithServiceAsync<UserManager<StaffUser>, IList<string>>(async users => await users.GetRolesAsync((await users.FindByEmailAsync(email))!));

    public static async Task<HttpResponseMessage> CreateAccountAsync(this HttpClient administrator, string email, string role)
    {
        var form = FormFields.Of(await administrator.GetPageAsync("/admin/users/new"), "#new-account-form").Set("Email", email).Set("Role", role);
        return await administrator.PostFormAsync("/admin/users/new", form);
    }

    /// <summary>Sends one of the forms of an account's page (<c>#lock-form</c>, <c>#role-form</c>…) as a person would.</summary>
    public static async Task<HttpResponseMessage> SendAccountFormAsync(this HttpClient administrator, string id, string formSelector, string action, Func<FormFields, FormFields>? change = null)
    {
        var page = await administrator.GetPageAsync($"/admin/users/{id}");
        var form = FormFields.Of(page, formSelector);
        return await administrator.PostFormAsync($"/admin/users/{id}/{action}", change is null ? form : change(form));
    }

    public static string? NewPassword(IHtmlDocument page) => page.QuerySelector("[data-new-password]")?.TextContent.Trim();
}

/// <summary>Administrators manage staff accounts at /admin/users; each change is checked by signing in as the person.</summary>
public sealed class UsersAdminTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task A_created_account_signs_in_with_the_password_shown_once_and_has_its_role()
    {
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var email = NewEmail("new-editor");

        using var created = await administrator.CreateAccountAsync(email, StaffRoles.Editor);
        var page = await created.ReadPageAsync();
        var password = UsersScreen.NewPassword(page)!;
        var person = portal.CreateVisitor();
        using var signIn = await person.SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("Account created", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("only place it is shown", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(24, password.Length);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("Dashboard", (await person.GetPageAsync("/admin")).QuerySelector("h1")!.TextContent.Trim());
        using var users = await person.GetAsync(new Uri("/admin/users", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        // The list shows the account; the audit log has the creation and never the password.
        var row = (await administrator.GetPageAsync("/admin/users")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains("Editor", row.TextContent, StringComparison.Ordinal);
        var log = (await administrator.GetPageAsync("/admin/audit")).Body!.TextContent;
        Assert.Contains(email, log, StringComparison.Ordinal);
        Assert.DoesNotContain(password, log, StringComparison.Ordinal);
        // Shown once: the account's own page does not show it.
        Assert.Null(UsersScreen.NewPassword(await administrator.GetPageAsync($"/admin/users/{await portal.AccountIdAsync(email)}")));
    }

    [Theory]
    [InlineData("", "Enter the email address of the new member of staff.")]
    [InlineData("not-an-email", "Enter an email address such as name@example.org.")]
    [InlineData("two@at@example.org", "Enter an email address such as name@example.org.")]
    [InlineData("<script>@example.org", "Enter an email address such as name@example.org.")]
    public async Task A_missing_or_malformed_email_is_refused_beside_the_field(string email, string message)
    {
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);

        using var response = await administrator.CreateAccountAsync(email, StaffRoles.Editor);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, page.QuerySelector("#error-Email")!.TextContent.Trim());
        Assert.Contains("error-Email", page.QuerySelector("#field-Email")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Null(UsersScreen.NewPassword(page));
    }

    [Fact]
    public async Task An_email_that_already_has_an_account_is_refused_beside_the_field_whatever_its_case()
    {
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var existing = await portal.CreateStaffAsync(StaffRoles.Editor);

        using var response = await administrator.CreateAccountAsync(existing.Email.ToUpperInvariant(), StaffRoles.Administrator);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is already an account for", page.QuerySelector("#error-Email")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(existing.Email.ToUpperInvariant(), page.QuerySelector("#field-Email")!.GetAttribute("value"));
        Assert.Equal([StaffRoles.Editor], await portal.RolesAsync(existing.Email));
        using var stillTheirs = await portal.CreateVisitor().SignInAsync(existing.Email, existing.Password);
        Assert.Equal(HttpStatusCode.Redirect, stillTheirs.StatusCode);
    }

    [Fact]
    public async Task A_reset_password_ends_the_persons_session_and_only_the_new_password_signs_in()
    {
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var (person, staff) = await portal.SignedInAsync(StaffRoles.Editor);
        await person.GetPageAsync("/admin");
        var id = await portal.AccountIdAsync(staff.Email);

        using var reset = await administrator.SendAccountFormAsync(id, "#password-form", "password");
        var page = await reset.ReadPageAsync();
        var password = UsersScreen.NewPassword(page)!;
        using var session = await person.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        using var withOld = await portal.CreateVisitor().SignInAsync(staff.Email, staff.Password);
        using var withNew = await portal.CreateVisitor().SignInAsync(staff.Email, password);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("no longer works", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", session.Location(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        Assert.DoesNotContain(password, (await administrator.GetPageAsync("/admin/audit")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_account_is_signed_out_and_cannot_sign_in_until_it_is_unlocked()
    {
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var (person, staff) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await portal.AccountIdAsync(staff.Email);

        using var locked = await administrator.SendAccountFormAsync(id, "#lock-form", "lock");
        using var session = await person.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        using var whileLocked = await portal.CreateVisitor().SignInAsync(staff.Email, staff.Password);
        var listed = (await administrator.GetPageAsync("/admin/users")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(staff.Email, StringComparison.Ordinal));

        Assert.Equal($"/admin/users/{id}?saved=locked", locked.Location());
        Assert.Contains("until unlocked", listed.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", session.Location(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, whileLocked.StatusCode);
        Assert.Contains("locked", (await whileLocked.ReadPageAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);

        using var unlocked = await administrator.SendAccountFormAsync(id, "#unlock-form", "unlock");
        using var afterUnlock = await portal.CreateVisitor().SignInAsync(staff.Email, staff.Password);

        Assert.Equal($"/admin/users/{id}?saved=unlocked", unlocked.Location());
        Assert.Equal(HttpStatusCode.Redirect, afterUnlock.StatusCode);
    }

    [Fact]
    public async Task A_new_role_takes_effect_at_the_persons_next_request()
    {
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var (person, staff) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await portal.AccountIdAsync(staff.Email);

        using var promoted = await administrator.SendAccountFormAsync(id, "#role-form", "role", f => f.Set("Role", StaffRoles.Administrator));
        using var users = await person.GetAsync(new Uri("/admin/users", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal($"/admin/users/{id}?saved=role", promoted.Location());
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal([StaffRoles.Administrator], await portal.RolesAsync(staff.Email));

        using var demoted = await administrator.SendAccountFormAsync(id, "#role-form", "role", f => f.Set("Role", StaffRoles.Editor));
        using var refused = await person.GetAsync(new Uri("/admin/users", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal([StaffRoles.Editor], await portal.RolesAsync(staff.Email));
    }

    [Fact]
    public async Task An_administrator_cannot_demote_lock_reset_or_delete_their_own_account_and_is_told_why()
    {
        var (administrator, me) = await portal.SignedInAsync(StaffRoles.Administrator);
        var id = await portal.AccountIdAsync(me.Email);
        var page = await administrator.GetPageAsync($"/admin/users/{id}");
        // The page offers only the role form for one's own account; the others are sent by hand, as a crafted request would be.
        Assert.Null(page.QuerySelector("#lock-form"));
        Assert.Null(page.QuerySelector("#password-form"));
        var token = FormFields.Of(page, "#role-form").Without("Role");

        using var demote = await administrator.SendAccountFormAsync(id, "#role-form", "role", f => f.Set("Role", StaffRoles.Editor));
        using var lockMe = await administrator.PostFormAsync($"/admin/users/{id}/lock", token);
        using var resetMe = await administrator.PostFormAsync($"/admin/users/{id}/password", token);
        using var deleteMe = await administrator.PostFormAsync($"/admin/users/{id}/delete", token);

        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("You cannot take away your own Administrator role.", (await demote.ReadPageAsync()).QuerySelector("#error-Role")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, lockMe.StatusCode);
        Assert.Contains("You cannot lock your own account.", (await lockMe.ReadPageAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, resetMe.StatusCode);
        Assert.Contains("use Your account", (await resetMe.ReadPageAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, deleteMe.StatusCode);
        Assert.Contains("You cannot delete your own account.", (await deleteMe.ReadPageAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([StaffRoles.Administrator], await portal.RolesAsync(me.Email));
        Assert.Equal("Users", (await administrator.GetPageAsync("/admin/users")).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_deleted_account_is_signed_out_and_gone_from_the_list()
    {
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var (person, staff) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await portal.AccountIdAsync(staff.Email);
        var confirm = await administrator.GetPageAsync($"/admin/users/{id}/delete");

        using var deleted = await administrator.PostFormAsync($"/admin/users/{id}/delete", FormFields.Of(confirm, $"form[action='/admin/users/{id}/delete']"));
        using var session = await person.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        var list = await administrator.GetPageAsync(deleted.Location());

        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        Assert.Contains($"The account of {staff.Email} has been deleted.", list.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(list.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(staff.Email, StringComparison.Ordinal));
        using var again = await administrator.GetAsync(new Uri($"/admin/users/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task An_account_id_that_does_not_exist_answers_404()
    {
        var (administrator, me) = await portal.SignedInAsync(StaffRoles.Administrator);
        var token = FormFields.Of(await administrator.GetPageAsync($"/admin/users/{await portal.AccountIdAsync(me.Email)}"), "#role-form");

        foreach (var url in new[] { "/admin/users/no-such-account", "/admin/users/no-such-account/delete" })
        {
            using var response = await administrator.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url}: {(int)response.StatusCode}.");
        }

        foreach (var action in new[] { "role", "lock", "unlock", "password", "delete" })
        {
            using var response = await administrator.PostFormAsync($"/admin/users/{Guid.NewGuid()}/{action}", token);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {action}: {(int)response.StatusCode}.");
        }
    }
}

/// <summary>Sessions re-read their account only every hour, so a demoted administrator still has an administrator's session.</summary>
public sealed class SlowSessionCheckPortal : StaffPortal
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Admin:SignInPermitsPerWindow", "100000"),
        ("Admin:SecurityStampValidationInterval", "01:00:00"),
    ];
}

public sealed class LastAdministratorTests(SlowSessionCheckPortal portal) : IClassFixture<SlowSessionCheckPortal>
{
    [Fact]
    public async Task The_last_administrator_who_can_sign_in_cannot_be_demoted_locked_or_deleted_by_anyone()
    {
        var (alice, aliceStaff) = await portal.SignedInAsync(StaffRoles.Administrator);
        var (bob, bobStaff) = await portal.SignedInAsync(StaffRoles.Administrator);
        var aliceId = await portal.AccountIdAsync(aliceStaff.Email);
        // Bob opens Alice's page while both are administrators; then Alice makes Bob an Editor. Bob's session
        // still says Administrator until it re-reads his account, so only the last-administrator rule stops him.
        var alicesPage = await bob.GetPageAsync($"/admin/users/{aliceId}");
        using (var demoted = await alice.SendAccountFormAsync(await portal.AccountIdAsync(bobStaff.Email), "#role-form", "role", f => f.Set("Role", StaffRoles.Editor)))
        {
            Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);
        }

        using var demote = await bob.PostFormAsync($"/admin/users/{aliceId}/role", FormFields.Of(alicesPage, "#role-form").Set("Role", StaffRoles.Editor));
        using var lockHer = await bob.PostFormAsync($"/admin/users/{aliceId}/lock", FormFields.Of(alicesPage, "#lock-form"));
        using var deleteHer = await bob.PostFormAsync($"/admin/users/{aliceId}/delete", FormFields.Of(alicesPage, "#lock-form"));

        foreach (var refused in new[] { demote, lockHer, deleteHer })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"{aliceStaff.Email} is the only administrator who can sign in. The portal must keep one",
                (await refused.ReadPageAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal([StaffRoles.Administrator], await portal.RolesAsync(aliceStaff.Email));
        using var stillIn = await portal.CreateVisitor().SignInAsync(aliceStaff.Email, aliceStaff.Password);
        Assert.Equal(HttpStatusCode.Redirect, stillIn.StatusCode);
    }
}
