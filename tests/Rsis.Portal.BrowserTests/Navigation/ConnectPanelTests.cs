using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Navigation;

/// <summary>The header's Connect panel: a disclosure that opens and closes from the keyboard and stays on screen.</summary>
public sealed class ConnectPanelTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task On_a_section_page_the_connect_panel_opens_and_closes_from_the_keyboard_on_screen_and_passes_axe(int width, int height)
    {
        var page = await OpenAsync("/about-rsis", new() { Width = width, Height = height });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "In this section" })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        var toggle = page.Locator("summary.site-connect__toggle");
        var panel = page.Locator(".site-connect__panel");
        await Expect(panel).ToBeHiddenAsync();

        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Subscribe to RSIS Publications" })).ToBeVisibleAsync();
        var box = (await panel.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"The open panel spans {box.X:0}–{box.X + box.Width:0} px of a {width} px screen.");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, $"connect-panel-{width}");
        // The next Tab goes into the panel, to its first link.
        await page.Keyboard.PressAsync("Tab");
        await Expect(panel.Locator("a").First).ToBeFocusedAsync();

        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(panel).ToBeHiddenAsync();
    }
}
