using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Layout;

public sealed class CookieNoticeTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Cookie_notice_shows_until_OK_and_stays_dismissed_for_that_visitor_only()
    {
        var page = await OpenAsync("/", Viewports.Desktop);
        var notice = page.Locator("#cookie-notice");
        await Expect(notice).ToBeVisibleAsync();

        await page.Locator("#cookie-notice-ok").ClickAsync();
        await Expect(notice).ToBeHiddenAsync();
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c is { Name: "rsis_cookie_notice", Value: "dismissed" });

        await page.ReloadAsync();
        await Expect(notice).ToBeHiddenAsync();

        var stranger = await OpenAsync("/", Viewports.Desktop);
        await Expect(stranger.Locator("#cookie-notice")).ToBeVisibleAsync();
    }
}
