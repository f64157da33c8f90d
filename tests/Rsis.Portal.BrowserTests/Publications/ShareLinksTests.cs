using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Publications;

/// <summary>"Share this" under an article: plain links without JavaScript, "Share…" and "Copy link" with it.</summary>
public sealed class ShareLinksTests(BrowserPortal portal) : BrowserTest(portal)
{
    private static string ArticleAddress => PortalServer.PublicBaseUrl + SeedFacts.ArticleUrl;

    private static string Escaped(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task Without_javascript_every_share_link_is_there_and_names_the_article()
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Desktop, javaScriptEnabled: false);
        var url = Escaped(ArticleAddress);
        var title = Escaped(SeedFacts.Title);

        foreach (var (name, href) in new[]
        {
            ("Share on X (opens in a new tab)", $"https://x.com/intent/post?text={title}&url={url}"),
            ("Share on LinkedIn (opens in a new tab)", $"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
            ("Share on Facebook (opens in a new tab)", $"https://www.facebook.com/sharer/sharer.php?u={url}"),
            ("Share on Telegram (opens in a new tab)", $"https://t.me/share/url?url={url}&text={title}"),
            ("Share on WhatsApp (opens in a new tab)", $"https://wa.me/?text={title}%20{url}"),
        })
        {
            var link = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
            await Expect(link).ToBeVisibleAsync();
            await Expect(link).ToHaveAttributeAsync("href", href);
            Assert.Contains("noopener", await link.GetAttributeAsync("rel"), StringComparison.Ordinal);
        }

        var email = page.GetByRole(AriaRole.Link, new() { Name = "Email this article", Exact = true });
        await Expect(email).ToHaveAttributeAsync("href", $"mailto:?subject={title}&body={url}");
        // Nothing to press without JavaScript: both buttons stay hidden.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Share…" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_share_link_opens_the_service_with_the_article_and_no_opener()
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Desktop, javaScriptEnabled: false);
        // The services are not reached from a test: the new tab's request is answered here and read.
        await page.Context.RouteAsync("https://t.me/**", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<title>Telegram</title>" }));

        var popup = await page.RunAndWaitForPopupAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Share on Telegram (opens in a new tab)" }).ClickAsync());

        var opened = new Uri(popup.Url);
        Assert.Equal("t.me", opened.Host);
        Assert.Contains("url=" + Escaped(ArticleAddress), opened.Query, StringComparison.Ordinal);
        Assert.True(await popup.EvaluateAsync<bool>("() => window.opener === null"));
    }

    [Fact]
    public async Task Copy_link_puts_the_article_address_on_the_clipboard_and_says_so()
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Desktop);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();

        var status = page.Locator("[data-share-status]");
        await Expect(status).ToHaveTextAsync("Link copied to the clipboard.");
        await Expect(status).ToHaveAttributeAsync("role", "status");
        Assert.Equal(ArticleAddress, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task The_share_button_shows_only_where_the_browser_can_share_and_hands_it_the_article()
    {
        var without = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Desktop);
        var hasShare = await without.EvaluateAsync<bool>("() => typeof navigator.share === 'function'");
        var share = without.GetByRole(AriaRole.Button, new() { Name = "Share…" });
        await Expect(without.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeVisibleAsync();
        if (hasShare)
        {
            await Expect(share).ToBeVisibleAsync();
        }
        else
        {
            await Expect(share).ToBeHiddenAsync();
        }

        // A browser with the Web Share API (as on phones): the system share sheet, stood in for by a recorder.
        await without.Context.AddInitScriptAsync("navigator.share = function (data) { window.sharedWith = data; return Promise.resolve(); };");
        await without.ReloadAsync();
        await without.GetByRole(AriaRole.Button, new() { Name = "Share…" }).ClickAsync();

        Assert.Equal(ArticleAddress, await without.EvaluateAsync<string>("() => window.sharedWith.url"));
        Assert.Equal(SeedFacts.Title, await without.EvaluateAsync<string>("() => window.sharedWith.title"));
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task The_article_with_its_share_block_has_no_serious_accessibility_violation(int width, int height)
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, new ViewportSize { Width = width, Height = height });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeVisibleAsync();

        await page.AssertNoSeriousAxeViolationsAsync();
    }
}
