using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Admin;

/// <summary>The Redirects screen in a real browser: an editor adds one, is refused beside the field, and deletes one.</summary>
public sealed class RedirectsScreenTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_redirects_list_the_add_form_the_import_page_and_the_delete_confirmation_have_no_serious_or_critical_axe_violation()
    {
        var page = await SignInAsync(Viewports.Desktop, role: StaffRoles.Editor);
        await page.GetByRole(AriaRole.Link, new() { Name = "Redirects" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Redirects", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a redirect" }).ClickAsync();
        await page.GetByLabel("Old address").FillAsync("/publications");
        await page.GetByLabel("Goes to").FillAsync("/search");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the redirect" }).ClickAsync();
        await Expect(page.Locator("#error-OldPath")).ToContainTextAsync("readers can open now");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-redirects-new-errors");

        var oldPath = $"/old-site/browser-{Guid.NewGuid():N}.php";
        await page.GetByLabel("Old address").FillAsync(oldPath);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the redirect" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = oldPath, Exact = true })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-redirects");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import a CSV" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import redirects", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GotoAsync("/admin/redirects");
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete the redirect from " + oldPath }).ClickAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the redirect" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "has been deleted" })).ToBeVisibleAsync();
    }
}
