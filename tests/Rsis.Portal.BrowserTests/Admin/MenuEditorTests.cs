using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Admin;

/// <summary>
/// A member of staff rearranging the menu in a real browser, and readers' menu following at once. The tests add
/// their own entries under Research › Other Research, so the seeded menu other tests read stays as it was.
/// </summary>
public sealed class MenuEditorTests(BrowserPortal portal) : BrowserTest(portal)
{
    private const string Column = "Other Research";

    /// <summary>Adds a section-page entry under Research › Other Research through the tree's "Add entry" link.</summary>
    private static async Task AddUnderOtherResearchAsync(IPage page, string title)
    {
        await page.GotoAsync("/admin/menu");
        await page.GetByText("entries under Research").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Add entry under {Column}", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Place in the menu")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the entry" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"“{title}” has been added here." })).ToBeVisibleAsync();
    }

    private static async Task<List<string>> PublicColumnAsync(IPage page)
    {
        await page.GotoAsync("/");
        var menu = new MegaMenu(page);
        await menu.Button("Research").ClickAsync();
        var panel = await menu.PanelOfAsync("Research");
        await Expect(panel).ToBeVisibleAsync();
        var column = panel.Locator(".mega-menu__column").Filter(new() { Has = page.Locator(".mega-menu__heading", new() { HasTextString = Column }) });
        return (await column.Locator(".mega-menu__list a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
    }

    [Fact]
    public async Task Moving_an_entry_up_in_the_editor_moves_it_in_the_public_mega_menu()
    {
        var page = await SignInAsync(Viewports.Desktop);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (first, second) = ($"Maritime Security {suffix}", $"Climate and Security {suffix}");
        await AddUnderOtherResearchAsync(page, first);
        await AddUnderOtherResearchAsync(page, second);
        var before = await PublicColumnAsync(page);
        Assert.True(before.IndexOf(first) == before.IndexOf(second) - 1, $"Before: {string.Join(" | ", before)}");

        await page.GotoAsync("/admin/menu");
        await page.GetByText("entries under Research").ClickAsync();
        var moveUp = page.GetByRole(AriaRole.Button, new() { Name = $"Move {second} up", Exact = true });
        await moveUp.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // Back on the tree, at the moved entry, with what happened said beside it.
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"“{second}” has moved up.");
        var fragment = new Uri(page.Url).Fragment;
        Assert.Matches("^#entry-[0-9]+$", fragment);
        await Expect(page.Locator(fragment)).ToContainTextAsync(second);
        await Expect(page.Locator(fragment)).ToBeInViewportAsync();
        await Screenshots.SaveAsync(page, "admin-menu-moved");
        var after = await PublicColumnAsync(page);
        Assert.True(after.IndexOf(second) == after.IndexOf(first) - 1, $"After: {string.Join(" | ", after)}");
    }

    [Fact]
    public async Task The_menu_editor_and_the_entry_form_have_no_serious_or_critical_axe_violation()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await page.GotoAsync("/admin/menu");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Menu", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-menu");

        await page.GetByText("entries under About RSIS").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Staff Profiles", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit “Staff Profiles”", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-menu-edit");

        // A form with problems: the summary first, the messages beside the fields.
        await page.GetByLabel("Title").FillAsync("");
        await page.GetByLabel("An address (URL)").CheckAsync();
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("javascript:alert(1)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await Expect(page.Locator("#error-Url")).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-menu-edit-errors");

        // Choosing an author or a category shows its list, and only its list.
        await page.GetByLabel("An author’s page").CheckAsync();
        await Expect(page.GetByLabel("Author", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Category", new() { Exact = true })).ToBeHiddenAsync();
        await page.GetByLabel("Author", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "C. Raja Mohan" });
        await page.AssertNoSeriousAxeViolationsAsync();
        await page.GetByLabel("A category’s page").CheckAsync();
        await Expect(page.GetByLabel("Category", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Author", new() { Exact = true })).ToBeHiddenAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task Without_javascript_an_entry_is_added_and_hidden_on_a_phone()
    {
        var page = await SignInAsync(Viewports.Phone, javaScriptEnabled: false);
        var title = $"Cyber Governance {Guid.NewGuid().ToString("N")[..6]}";
        await AddUnderOtherResearchAsync(page, title);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Hide {title}", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"“{title}” is hidden: readers no longer see it.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Show {title}", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        var panel = await new MegaMenu(page).PanelOfAsync("Research");
        await Expect(MegaMenu.Link(panel, "Future Issues and Technology Cluster")).ToHaveCountAsync(1);
        await Expect(MegaMenu.Link(panel, title)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_tree_fits_a_phone()
    {
        var page = await SignInAsync(Viewports.Phone);
        await page.GotoAsync("/admin/menu");
        await page.GetByText("entries under About RSIS").ClickAsync();

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Viewports.Phone.Width, $"The menu editor is {scrollWidth} px wide on a {Viewports.Phone.Width} px phone.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Staff Profiles up", Exact = true })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-menu-phone");
    }
}
