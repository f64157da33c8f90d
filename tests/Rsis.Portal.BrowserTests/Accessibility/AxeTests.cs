using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Accessibility;

public sealed class AxeTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Theory]
    [InlineData("/")]
    [InlineData(SeedFacts.SeriesUrl)]
    [InlineData(SeedFacts.ArticleUrl)]
    [InlineData("/staff-profiles")]
    [InlineData("/search?q=cyber")]
    [InlineData("/authors/c-raja-mohan")]
    public async Task Page_has_no_serious_or_critical_axe_violation(string path)
    {
        var page = await OpenAsync(path, Viewports.Desktop);

        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task Home_page_with_the_Publications_panel_open_has_no_serious_or_critical_axe_violation()
    {
        var page = await OpenAsync("/", Viewports.Desktop);
        var menu = new MegaMenu(page);
        await menu.Button("Publications").ClickAsync();
        await Expect(await menu.PanelOfAsync("Publications")).ToBeVisibleAsync();

        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task Phone_layout_with_the_menu_open_has_no_serious_or_critical_axe_violation()
    {
        var page = await OpenAsync("/", Viewports.Phone);
        await page.Locator("#menu-toggle").ClickAsync();
        await Expect(new MegaMenu(page).Nav).ToBeVisibleAsync();

        await page.AssertNoSeriousAxeViolationsAsync();
    }
}
