using System.Text.RegularExpressions;
using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Navigation;

public sealed partial class MegaMenuTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Hovering_a_top_level_entry_opens_its_panel_and_moving_away_closes_it()
    {
        var page = await OpenAsync("/", Viewports.Desktop);
        var menu = new MegaMenu(page);
        var about = menu.Button("About RSIS");
        var panel = await menu.PanelOfAsync("About RSIS");
        var deansOffice = MegaMenu.Link(panel, SeedFacts.DeansOffice);
        await Expect(panel).ToBeHiddenAsync();

        await about.HoverAsync();
        await Expect(panel).ToBeVisibleAsync();
        await Expect(deansOffice).ToBeVisibleAsync();
        await Expect(about).ToHaveAttributeAsync("aria-expanded", "true");

        // The pointer travels down into the panel: it stays open.
        await deansOffice.HoverAsync();
        await Expect(deansOffice).ToBeVisibleAsync();

        await page.Locator(".site-brand").HoverAsync();
        await Expect(panel).ToBeHiddenAsync();
        await Expect(about).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task Keyboard_opens_a_panel_moves_into_it_and_escape_closes_it_back_on_its_button()
    {
        var page = await OpenAsync("/", Viewports.Desktop);
        var menu = new MegaMenu(page);
        var research = menu.Button("Research");
        var panel = await menu.PanelOfAsync("Research");

        await research.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(research).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(panel).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(panel.Locator("a[href]").First).ToBeFocusedAsync();
        await Expect(panel.Locator(".mega-menu__overview")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");
        await Expect(panel).ToBeHiddenAsync();
        await Expect(research).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(research).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Arrow_keys_move_focus_across_the_top_level_entries()
    {
        var page = await OpenAsync("/", Viewports.Desktop);
        var menu = new MegaMenu(page);

        await menu.Button("Research").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(menu.Button("Graduate Education")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(menu.Button("Research")).ToBeFocusedAsync();

        // Plain top-level links (Events, Contact Us) are stops on the same row.
        await menu.Button("Media").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(menu.TopLink("Events")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Clicking_Publications_then_a_series_opens_that_series_page()
    {
        var page = await OpenAsync("/", Viewports.Desktop);
        var menu = new MegaMenu(page);
        var panel = await menu.PanelOfAsync("Publications");

        await menu.Button("Publications").ClickAsync();
        await Expect(panel).ToBeVisibleAsync();
        await Expect(menu.Button("Publications")).ToHaveAttributeAsync("aria-expanded", "true");

        await MegaMenu.Link(panel, SeedFacts.SeriesName).ClickAsync();
        await Expect(page).ToHaveURLAsync(SeriesPage());
        await Expect(page.Locator("h1")).ToHaveTextAsync(SeedFacts.SeriesName);
    }

    [GeneratedRegex("/publications/rsis-commentary-series$")]
    private static partial Regex SeriesPage();
}
