using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Publications;

public sealed class IndexesAndRelatedReadingTests(BrowserPortal portal) : BrowserTest(portal)
{
    private readonly BrowserPortal _portal = portal;

    private static readonly ViewportSize Phone390 = new() { Width = 390, Height = 844 };

    [Theory]
    [InlineData("/authors", 1280)]
    [InlineData("/authors", 390)]
    [InlineData("/authors?letter=C", 390)]
    [InlineData("/categories", 1280)]
    [InlineData("/categories", 390)]
    public async Task Index_pages_have_no_serious_or_critical_axe_violation(string path, int width)
    {
        var page = await OpenAsync(path, width == 390 ? Phone390 : Viewports.Desktop);

        await Expect(page.Locator(".index-entry").First).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task Article_with_its_related_reading_has_no_serious_or_critical_axe_violation()
    {
        // Sharing words of the seed article's title, it is found for "Related".
        var other = await _portal.AddWorkingPaperAsync("WP13051", "Internet Security and the Global Economy Revisited");

        foreach (var viewport in new[] { Viewports.Desktop, Phone390 })
        {
            var page = await OpenAsync(SeedFacts.ArticleUrl, viewport);
            await Expect(page.Locator($".related-reading a[href='{other}']")).ToBeVisibleAsync();
            await page.AssertNoSeriousAxeViolationsAsync();
        }
    }
}
