using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Admin;

/// <summary>The Users screen in a real browser: an administrator creates an account and reads its password off the page.</summary>
public sealed class UsersScreenTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_users_list_the_new_account_form_and_an_account_page_have_no_serious_or_critical_axe_violation()
    {
        var page = await SignInAsync(Viewports.Desktop, role: StaffRoles.Administrator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-users");

        await page.GetByRole(AriaRole.Link, new() { Name = "New staff account" }).ClickAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await page.GetByLabel("Email").FillAsync("not an email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await Expect(page.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await Expect(page.Locator("#error-Email")).ToHaveTextAsync("Enter an email address such as name@example.org.");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-users-new-errors");

        var email = $"browser-new-{Guid.NewGuid():N}@example.org";
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Administrator: all of that").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account created", Level = 1 })).ToBeVisibleAsync();
        var password = (await page.Locator("[data-new-password]").TextContentAsync())!.Trim();
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-users-created");

        await page.GotoAsync("/admin/users");
        await page.GetByRole(AriaRole.Link, new() { Name = email }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = email, Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-users-account");

        // The person signs in with what the page showed.
        var person = await OpenAsync("/admin/login", Viewports.Phone);
        await person.GetByLabel("Email").FillAsync(email);
        await person.GetByLabel("Password").FillAsync(password);
        await person.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_users_screen_fits_a_phone()
    {
        var page = await SignInAsync(Viewports.Phone, role: StaffRoles.Administrator);
        await page.GotoAsync("/admin/users");

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Viewports.Phone.Width, $"The users page is {scrollWidth} px wide on a {Viewports.Phone.Width} px phone.");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-users-phone");
    }
}
