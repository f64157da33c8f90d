using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Search;

public sealed class SearchPageTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task A_filter_is_chosen_and_applied_from_the_keyboard_and_the_address_can_be_shared()
    {
        // A word only the seed's commentary has: other browser tests publish commentaries of their own.
        var page = await OpenAsync("/search?q=espionage", Viewports.Desktop);

        var series = page.Locator("#filter-series-rsis-commentary-series");
        await Expect(page.Locator("label[for=filter-series-rsis-commentary-series]")).ToContainTextAsync(SeedFacts.SeriesName);
        await series.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(series).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?q=espionage&series=rsis-commentary-series$"));
        await Expect(page.Locator(".publication-item .publication-code")).ToHaveTextAsync(["CO13046"]);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Remove filter " + SeedFacts.SeriesName })).ToBeVisibleAsync();

        // The same address, opened fresh, shows the same filtered view.
        var shared = await OpenAsync(new Uri(page.Url).PathAndQuery, Viewports.Desktop);
        await Expect(shared.Locator("#filter-series-rsis-commentary-series")).ToBeCheckedAsync();
        await Expect(shared.Locator(".publication-item .publication-code")).ToHaveTextAsync(["CO13046"]);
    }

    [Fact]
    public async Task Matched_words_are_highlighted_in_the_results()
    {
        var page = await OpenAsync("/search?q=espionage", Viewports.Desktop);

        await Expect(page.Locator(".search-result mark").First).ToHaveTextAsync("espionage");
        await Screenshots.SaveAsync(page, "search-espionage");
    }

    [Theory]
    [InlineData("/search?q=cyber&series=rsis-commentary-series&year=2013&author=c-raja-mohan")]
    [InlineData("/search?q=cyber+quasarzz")]
    [InlineData("/search?q=%25")]
    public async Task The_search_page_with_filters_or_without_results_has_no_serious_or_critical_axe_violation(string path)
    {
        var page = await OpenAsync(path, Viewports.Desktop);

        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task The_search_page_on_a_phone_has_no_serious_or_critical_axe_violation()
    {
        var page = await OpenAsync("/search?q=cyber&year=2013", Viewports.Phone);

        await page.AssertNoSeriousAxeViolationsAsync();
    }
}
