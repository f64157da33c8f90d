using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Admin;

/// <summary>The authors screens in a real browser: accessible, usable by keyboard alone, and fit for a phone.</summary>
public sealed class AuthorEditorTests(BrowserPortal portal) : BrowserTest(portal)
{
    private const string SeedAuthor = "C. Raja Mohan";

    [Fact]
    public async Task The_authors_list_and_the_author_edit_page_have_no_serious_or_critical_axe_violation()
    {
        var page = await SignInAsync(Viewports.Desktop);

        await page.GotoAsync("/admin/authors");
        await Expect(page.Locator(".admin-count")).ToContainTextAsync("author");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-authors");

        await page.GetByRole(AriaRole.Link, new() { Name = SeedAuthor }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Edit {SeedAuthor}", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-author-edit");

        // With problems: the summary first, the messages beside the fields.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await Expect(page.Locator("#error-Name")).ToHaveTextAsync("Enter the author’s name.");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-author-edit-problems");

        await page.GotoAsync("/admin/authors/1/delete");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-author-delete-refused");
    }

    [Fact]
    public async Task An_author_can_be_created_with_the_keyboard_alone_and_readers_see_their_page()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await page.GotoAsync("/admin/authors");

        await page.GetByRole(AriaRole.Link, new() { Name = "New author" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New author", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FocusAsync();
        await page.Keyboard.TypeAsync("Ong Keng Yong");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Address")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Executive Deputy Chairman, RSIS");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("A former Secretary-General of ASEAN.");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create author" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("The author has been created.");
        await page.GetByRole(AriaRole.Link, new() { Name = "view on site" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ong Keng Yong");
        Assert.EndsWith("/authors/ong-keng-yong", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_series_categories_and_pages_screens_have_no_serious_or_critical_axe_violation()
    {
        var page = await SignInAsync(Viewports.Desktop);

        foreach (var (url, name) in new[]
        {
            ("/admin/series", "admin-series"),
            ("/admin/series/4/edit", "admin-series-edit"),
            ("/admin/series/4/delete", "admin-series-delete-refused"),
            ("/admin/series/new", "admin-series-new"),
            ("/admin/categories", "admin-categories"),
            ("/admin/categories/1/delete", "admin-category-delete"),
            ("/admin/pages", "admin-pages"),
            ("/admin/pages/1/edit", "admin-page-edit"),
        })
        {
            await page.GotoAsync(url);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await page.AssertNoSeriousAxeViolationsAsync();
            await Screenshots.SaveAsync(page, name);
        }
    }

    [Fact]
    public async Task The_author_edit_page_fits_a_phone()
    {
        var page = await SignInAsync(Viewports.Phone);
        await page.GotoAsync("/admin/authors/1/edit");

        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToBeVisibleAsync();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Viewports.Phone.Width, $"The author edit page is {scrollWidth} px wide on a {Viewports.Phone.Width} px phone.");
        await Screenshots.SaveAsync(page, "admin-author-edit-phone");
    }
}
