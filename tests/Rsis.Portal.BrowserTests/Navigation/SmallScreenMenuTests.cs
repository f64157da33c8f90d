using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Navigation;

public sealed class SmallScreenMenuTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Menu_button_shows_and_hides_the_menu_on_a_phone()
    {
        var page = await OpenAsync("/", Viewports.Phone);
        var menu = new MegaMenu(page);
        var toggle = page.Locator("#menu-toggle");
        await Expect(menu.Nav).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");

        await toggle.ClickAsync();
        await Expect(menu.Nav).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");

        var panel = await menu.PanelOfAsync("About RSIS");
        await menu.Button("About RSIS").ClickAsync();
        await Expect(panel).ToBeVisibleAsync();
        await Expect(MegaMenu.Link(panel, SeedFacts.DeansOffice)).ToBeVisibleAsync();
        Assert.True(await ScrollWidthAsync(page) <= 375, "With the menu open the page scrolls sideways on a 375 px phone.");

        await toggle.ClickAsync();
        await Expect(menu.Nav).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task Home_page_does_not_scroll_sideways_on_a_phone()
    {
        var page = await OpenAsync("/", Viewports.Phone);

        var width = await ScrollWidthAsync(page);
        Assert.True(width <= 375, $"The home page is {width} px wide on a 375 px phone, so it scrolls sideways.");
    }

    private static Task<int> ScrollWidthAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
