using System.Net;
using System.Reflection;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;
using Rsis.Portal.Web.Areas.Admin.Controllers;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>Who may open what in the staff area, through the real host.</summary>
public sealed class AccessTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    public static TheoryData<string> StaffPages =>
    [
        "/admin",
        "/admin/publications",
        "/admin/publications?q=cyber&status=Public",
        "/admin/publications/new",
        "/admin/publications/1/edit",
        "/admin/publications/1/pdf",
        "/admin/publications/1/delete",
        "/admin/account/password",
        "/admin/feedback",
        "/admin/feedback?rating=1&rating=2&from=2026-01-01&to=2026-12-31&hasText=true&page=2",
        "/admin/feedback.csv",
        "/admin/feedback.csv?rating=6&from=2026-01-01",
        "/admin/authors",
        "/admin/authors?q=raja&page=1",
        "/admin/authors/new",
        "/admin/authors/1/edit",
        "/admin/authors/1/delete",
        "/admin/series",
        "/admin/series/new",
        "/admin/series/1/edit",
        "/admin/series/1/delete",
        "/admin/categories",
        "/admin/categories/new",
        "/admin/categories/1/edit",
        "/admin/categories/1/delete",
        "/admin/pages",
        "/admin/pages/new",
        "/admin/pages/1/edit",
        "/admin/pages/1/delete",
        "/admin/menu",
        "/admin/menu?entry=1&done=up",
        "/admin/menu/new",
        "/admin/menu/new?parentId=1",
        "/admin/menu/1/edit",
        "/admin/menu/1/delete",
        "/admin/settings",
        "/admin/settings/links/new?group=Social",
        "/admin/settings/links/1/edit",
        "/admin/redirects",
        "/admin/redirects?q=old&page=2",
        "/admin/redirects/new",
        "/admin/redirects/import",
    ];

    /// <summary>The Users screen's pages; <c>{id}</c> is an administrator's account, a real id an Editor might have guessed.</summary>
    public static TheoryData<string> UsersPages =>
    [
        "/admin/users",
        "/admin/users/new",
        "/admin/users/{id}",
        "/admin/users/{id}/delete",
    ];

    public static TheoryData<string> UsersPosts =>
    [
        "/admin/users/new",
        "/admin/users/{id}/role",
        "/admin/users/{id}/lock",
        "/admin/users/{id}/unlock",
        "/admin/users/{id}/password",
        "/admin/users/{id}/delete",
    ];

    [Theory]
    [MemberData(nameof(StaffPages))]
    [InlineData("/admin/audit")]
    [InlineData("/admin/publications/suggest-code?seriesId=1&year=2026")]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/new")]
    [InlineData("/admin/users/some-id")]
    [InlineData("/admin/users/some-id/delete")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_with_the_address_to_come_back_to(string url)
    {
        using var response = await portal.CreateReader().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/admin/login?ReturnUrl=" + Uri.EscapeDataString(url), response.Location());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/admin/publications/new")]
    [InlineData("/admin/publications/1/edit")]
    [InlineData("/admin/publications/1/delete")]
    [InlineData("/admin/publications/1/pdf/remove")]
    [InlineData("/admin/publications/preview")]
    [InlineData("/admin/authors/new")]
    [InlineData("/admin/authors/1/edit")]
    [InlineData("/admin/authors/1/delete")]
    [InlineData("/admin/series/new")]
    [InlineData("/admin/series/1/edit")]
    [InlineData("/admin/series/1/delete")]
    [InlineData("/admin/categories/new")]
    [InlineData("/admin/categories/1/edit")]
    [InlineData("/admin/categories/1/delete")]
    [InlineData("/admin/pages/new")]
    [InlineData("/admin/pages/1/edit")]
    [InlineData("/admin/pages/1/delete")]
    [InlineData("/admin/menu/new")]
    [InlineData("/admin/menu/1/edit")]
    [InlineData("/admin/menu/1/move-up")]
    [InlineData("/admin/menu/1/move-down")]
    [InlineData("/admin/menu/1/hide")]
    [InlineData("/admin/menu/1/show")]
    [InlineData("/admin/menu/1/delete")]
    [InlineData("/admin/settings")]
    [InlineData("/admin/settings/links/new")]
    [InlineData("/admin/settings/links/1/edit")]
    [InlineData("/admin/settings/links/1/move")]
    [InlineData("/admin/settings/links/1/remove")]
    [InlineData("/admin/users/new")]
    [InlineData("/admin/users/some-id/role")]
    [InlineData("/admin/users/some-id/lock")]
    [InlineData("/admin/users/some-id/password")]
    [InlineData("/admin/users/some-id/delete")]
    public async Task Anonymous_posts_change_nothing_and_go_to_the_login_page(string url)
    {
        using var content = new FormUrlEncodedContent([new("Title", "Hijacked")]);
        using var response = await portal.CreateReader().PostAsync(new Uri(url, UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", response.Location(), StringComparison.Ordinal);
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl);
        Assert.Contains(SeedFacts.Title, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task Editors_and_administrators_open_every_staff_page(string url)
    {
        foreach (var role in StaffRoles.All)
        {
            var (client, _) = await portal.SignedInAsync(role);

            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} on {url}: {(int)response.StatusCode}.");
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task The_audit_log_is_for_administrators_an_editor_gets_403()
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);

        using var refused = await editor.GetAsync(new Uri("/admin/audit", UriKind.Relative), TestContext.Current.CancellationToken);
        var auditLog = await administrator.GetPageAsync("/admin/audit");
        var editorsMenu = await editor.GetPageAsync("/admin");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Your account cannot open this page.", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("Audit log", auditLog.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain(editorsMenu.QuerySelectorAll(".admin-nav a"), a => a.GetAttribute("href") == "/admin/audit");
    }

    [Theory]
    [MemberData(nameof(UsersPages))]
    public async Task Staff_accounts_are_for_administrators_an_editor_gets_403_on_every_page_even_with_a_real_id(string url)
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var (administrator, admin) = await portal.SignedInAsync(StaffRoles.Administrator);
        url = url.Replace("{id}", await portal.AccountIdAsync(admin.Email), StringComparison.Ordinal);

        using var refused = await editor.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        using var allowed = await administrator.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Your account cannot open this page.", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("no-store", allowed.Headers.CacheControl?.ToString());
    }

    [Theory]
    [MemberData(nameof(UsersPosts))]
    public async Task An_editor_posting_to_the_users_screen_gets_403_and_changes_nothing(string url)
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var admin = await portal.CreateStaffAsync(StaffRoles.Administrator);
        url = url.Replace("{id}", await portal.AccountIdAsync(admin.Email), StringComparison.Ordinal);
        // A valid antiforgery token from a page the editor may open: only the role stops the request.
        var form = FormFields.Of(await editor.GetPageAsync("/admin"), "form[action='/admin/logout']")
            .Set("Email", $"sneaky-{Guid.NewGuid():N}@example.org").Set("Role", StaffRoles.Editor);

        using var response = await editor.PostFormAsync(url, form);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal([StaffRoles.Administrator], await portal.RolesAsync(admin.Email));
        using var stillIn = await portal.CreateVisitor().SignInAsync(admin.Email, admin.Password);
        Assert.Equal(HttpStatusCode.Redirect, stillIn.StatusCode);
        Assert.False(await portal.WithServiceAsync<Microsoft.AspNetCore.Identity.UserManager<Rsis.Portal.Infrastructure.Identity.StaffUser>, bool>(
            async users => await users.FindByEmailAsync(form["Email"]!) is not null));
    }

    [Fact]
    public async Task The_users_link_is_in_the_menu_of_administrators_only()
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);

        Assert.DoesNotContain((await editor.GetPageAsync("/admin")).QuerySelectorAll(".admin-nav a"), a => a.GetAttribute("href") == "/admin/users");
        Assert.Contains((await administrator.GetPageAsync("/admin")).QuerySelectorAll(".admin-nav a"), a => a.GetAttribute("href") == "/admin/users");
    }

    [Fact]
    public async Task An_account_without_a_staff_role_can_sign_in_but_open_nothing()
    {
        var (client, _) = await portal.SignedInAsync(role: null);

        foreach (var url in new[] { "/admin", "/admin/publications", "/admin/publications/1/edit" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}.");
        }
    }

    [Fact]
    public async Task The_sign_in_cookie_is_sent_only_to_the_staff_area_and_public_pages_stay_the_same_for_everyone()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var client = portal.CreateVisitor();

        using var signIn = await client.SignInAsync(staff.Email, staff.Password);
        using var article = await client.GetAsync(new Uri(SeedFacts.ArticleUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await article.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rsis-staff=", StringComparison.Ordinal));
        Assert.Contains("path=/admin", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(article.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain(staff.Email, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_controller_of_the_staff_area_derives_from_AdminController_so_none_escapes_its_rules()
    {
        var controllers = typeof(AdminController).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(AdminController).Namespace && t.Name.EndsWith("Controller", StringComparison.Ordinal) && !t.IsAbstract)
            .ToList();

        Assert.NotEmpty(controllers);
        Assert.All(controllers, c => Assert.True(c.IsSubclassOf(typeof(AdminController)), $"{c.Name} does not derive from AdminController."));
        Assert.NotNull(typeof(AdminController).GetCustomAttribute<Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute>());
    }
}
