using System.Globalization;
using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Publications;

public sealed class CiteThisTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_copy_button_puts_the_apa_citation_on_the_clipboard_and_says_so()
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Desktop);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var expected = $"Mohan, C. R. (2013, March 18). US-China Cyber Talks: Internet Security in the Global Economy " +
            $"(RSIS Commentary Series No. CO13046). S. Rajaratnam School of International Studies. {PortalServer.PublicBaseUrl}{SeedFacts.ArticleUrl}";

        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Copy the APA 7 citation" });
        await copy.ClickAsync();

        await Expect(page.Locator("[data-copy-status]")).ToHaveTextAsync("Copied the APA 7 citation.");
        Assert.Equal(expected, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task The_copy_buttons_work_from_the_keyboard()
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Desktop);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Copy the Chicago 18 (bibliography) citation" });
        await copy.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("[data-copy-status]")).ToHaveTextAsync("Copied the Chicago 18 (bibliography) citation.");
        Assert.StartsWith("Mohan, C. Raja. US-China Cyber Talks", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_harvard_citation_gets_the_readers_date_of_access()
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Desktop);
        // The browser's own "today", as the script writes it: "26 November 2026".
        var today = await page.EvaluateAsync<string>("() => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })");

        await Expect(page.Locator("#citation-2")).ToHaveTextAsync($"Mohan, C.R. (2013) US-China Cyber Talks: Internet Security in the Global Economy. " +
            $"RSIS Commentary Series, no. CO13046. S. Rajaratnam School of International Studies. Available at: {PortalServer.PublicBaseUrl}{SeedFacts.ArticleUrl} (Accessed: {today}).");
        Assert.True(DateTime.TryParseExact(today, "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }

    [Fact]
    public async Task Without_javascript_the_citations_are_text_to_select_and_no_button_shows()
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Desktop, javaScriptEnabled: false);

        await Expect(page.Locator(".citation__text")).ToHaveCountAsync(3);
        await Expect(page.Locator(".citation__text").First).ToContainTextAsync("Mohan, C. R. (2013, March 18).");
        await Expect(page.Locator(".citation__copy").First).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "BibTeX file of CO13046" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_article_page_runs_without_a_content_security_policy_violation()
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Desktop);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.ReloadAsync();
        await Expect(page.Locator(".citation__copy").First).ToBeVisibleAsync();

        // The JSON-LD data block is in the page and intact, the scripts ran, and nothing was refused.
        var jsonLd = await page.Locator("script[type='application/ld+json']").TextContentAsync();
        Assert.Contains("\"@type\":\"Report\"", jsonLd, StringComparison.Ordinal);
        Assert.Empty(violations);
    }
}
