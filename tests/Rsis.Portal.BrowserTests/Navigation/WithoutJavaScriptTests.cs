using System.Text.RegularExpressions;
using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Navigation;

public sealed partial class WithoutJavaScriptTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Tabbing_through_the_menu_reveals_a_third_level_link_when_it_has_focus()
    {
        var page = await OpenAsync("/", Viewports.Desktop, javaScriptEnabled: false);
        await Expect(page.Locator("html")).ToHaveClassAsync(NoJs());
        var deansOffice = new MegaMenu(page).Nav.GetByRole(AriaRole.Link, new() { Name = SeedFacts.DeansOffice, Exact = true });
        var focused = deansOffice.And(page.Locator(":focus"));
        await Expect(deansOffice).ToBeHiddenAsync();

        // Skip link, brand, search, the About RSIS button, its overview and headings come first; 60 stops is ample.
        for (var presses = 0; presses < 60 && await focused.CountAsync() == 0; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(deansOffice).ToBeFocusedAsync();
        await Expect(deansOffice).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Cookie_notice_stays_hidden()
    {
        var page = await OpenAsync("/", Viewports.Desktop, javaScriptEnabled: false);

        await Expect(page.Locator("html")).ToHaveClassAsync(NoJs());
        await Expect(page.Locator("#cookie-notice")).ToBeHiddenAsync();
    }

    [GeneratedRegex(@"(^|\s)no-js(\s|$)")]
    private static partial Regex NoJs();
}
