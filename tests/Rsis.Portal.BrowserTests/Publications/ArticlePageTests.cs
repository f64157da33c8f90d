using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Publications;

public sealed class ArticlePageTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public async Task Article_heading_shows_code_and_title_and_the_page_fits_the_width(int width, int height)
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, new ViewportSize { Width = width, Height = height });

        var heading = page.Locator("h1");
        await Expect(heading).ToHaveTextAsync(SeedFacts.Heading);
        await Expect(heading).ToBeInViewportAsync();
        // The code is drawn as a kicker on its own line, so the "|" between code and title is not drawn.
        await Expect(heading).Not.ToContainTextAsync("|", new() { UseInnerText = true });
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The article is {scrollWidth} px wide in a {width} px window, so it scrolls sideways.");

        // An artefact for a reader of the run, not an assertion; without the sticky cookie notice across the middle.
        await page.Locator("#cookie-notice-ok").ClickAsync();
        await Expect(page.Locator("#cookie-notice")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, $"article-CO13046-{width}");
    }
}
