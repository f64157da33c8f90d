using System.Net;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>
/// A staff session lives in the database, so ending it takes effect at once and on every app node. The portal
/// here re-reads accounts only every hour, so nothing below can pass by waiting for that periodic check.
/// </summary>
public sealed class StaffSessionTests(SlowSessionCheckPortal portal) : IClassFixture<SlowSessionCheckPortal>
{
    private static readonly (string, string)[] SameSettings =
    [
        ("Admin:SignInPermitsPerWindow", "100000"),
        ("Admin:SecurityStampValidationInterval", "01:00:00"),
    ];

    [Fact]
    public async Task A_cookie_kept_from_before_signing_out_opens_nothing_and_saves_nothing()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var browser = CookieBrowser.Open(portal);
        (await browser.Client.SignInAsync(staff.Email, staff.Password)).Dispose();
        var newAuthor = FormFields.Of(await browser.Client.GetPageAsync("/admin/authors/new"), "form[action='/admin/authors/new']")
            .Set("Name", "Kept Cookie Author");
        var kept = browser.Copy();

        var dashboard = await browser.Client.GetPageAsync("/admin");
        using var signOut = await browser.Client.PostFormAsync("/admin/logout", FormFields.Of(dashboard, "form[action='/admin/logout']"));
        var replay = CookieBrowser.Open(portal, kept).Client;
        using var page = await replay.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        using var save = await replay.PostFormAsync("/admin/authors/new", newAuthor);

        Assert.Equal("/admin/login?signedOut=true", signOut.Location());
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", page.Location(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", save.Location(), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.Authors.AnyAsync(a => a.Name == "Kept Cookie Author", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Signing_out_on_one_app_node_ends_the_session_on_the_other()
    {
        await using var otherNode = new PortalNode(portal.DatabasePath, SameSettings);
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var browser = CookieBrowser.Open(portal);
        (await browser.Client.SignInAsync(staff.Email, staff.Password)).Dispose();
        var kept = browser.Copy();
        // The other node reads the session the first one made: the nodes share it through the database.
        var onOtherNode = await CookieBrowser.Open(otherNode, browser.Copy()).Client.GetPageAsync("/admin");

        var dashboard = await browser.Client.GetPageAsync("/admin");
        (await browser.Client.PostFormAsync("/admin/logout", FormFields.Of(dashboard, "form[action='/admin/logout']"))).Dispose();
        using var replayed = await CookieBrowser.Open(otherNode, kept).Client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("Dashboard", onOtherNode.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", replayed.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_account_and_the_person_can_sign_in_again()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var here = portal.CreateVisitor();
        var elsewhere = portal.CreateVisitor();
        var someoneElse = (await portal.SignedInAsync(StaffRoles.Editor)).Client;
        (await here.SignInAsync(staff.Email, staff.Password)).Dispose();
        (await elsewhere.SignInAsync(staff.Email, staff.Password)).Dispose();
        await elsewhere.GetPageAsync("/admin");

        var account = await here.GetPageAsync("/admin/account/password");
        using var everywhere = await here.PostFormAsync("/admin/account/sign-out-everywhere", FormFields.Of(account, "#sign-out-everywhere-form"));
        using var hereAfter = await here.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        using var elsewhereAfter = await elsewhere.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        var login = await here.GetPageAsync(everywhere.Location());

        Assert.Equal("/admin/login?signedOutEverywhere=true", everywhere.Location());
        Assert.Equal("You have signed out everywhere: every session of your account has ended.", login.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, hereAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, elsewhereAfter.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", elsewhereAfter.Location(), StringComparison.Ordinal);
        // Another person's session goes on, and the account itself still signs in.
        await someoneElse.GetPageAsync("/admin");
        using var again = await elsewhere.SignInAsync(staff.Email, staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await elsewhere.GetPageAsync("/admin");
    }

    [Theory]
    [InlineData("#lock-form", "lock")]
    [InlineData("#password-form", "password")]
    public async Task Locking_or_resetting_an_account_ends_its_sessions_at_once(string form, string action)
    {
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var (person, staff) = await portal.SignedInAsync(StaffRoles.Editor);
        await person.GetPageAsync("/admin");

        using var changed = await administrator.SendAccountFormAsync(await portal.AccountIdAsync(staff.Email), form, action);
        using var session = await person.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(changed.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{action} answered {(int)changed.StatusCode}.");
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", session.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_account_ends_its_sessions_at_once()
    {
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var (person, staff) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await portal.AccountIdAsync(staff.Email);
        await person.GetPageAsync("/admin");

        var confirm = await administrator.GetPageAsync($"/admin/users/{id}/delete");
        (await administrator.PostFormAsync($"/admin/users/{id}/delete", FormFields.Of(confirm, $"form[action='/admin/users/{id}/delete']"))).Dispose();
        using var session = await person.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", session.Location(), StringComparison.Ordinal);
    }
}
