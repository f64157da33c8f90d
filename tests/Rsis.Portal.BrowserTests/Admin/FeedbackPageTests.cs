using Rsis.Portal.BrowserTests.Infrastructure;
using Rsis.Portal.Domain.Feedback;

namespace Rsis.Portal.BrowserTests.Admin;

/// <summary>The feedback page in a real browser: the filter form, the chart, a phone's width, axe.</summary>
public sealed class FeedbackPageTests(BrowserPortal portal) : BrowserTest(portal)
{
    private readonly BrowserPortal _portal = portal;

    /// <summary>A year of feedback for one test alone (the server is shared), so other entries do not change its figures.</summary>
    private async Task AddYearOfFeedbackAsync(int year)
    {
        int[] ratings = [6, 5, 5, 4, 6, 2, 1, 5, 6, 3, 5, 6];
        await _portal.AddFeedbackAsync(ratings.Select((rating, i) => new FeedbackEntry
        {
            Rating = rating,
            SubmittedAtUtc = new DateTime(year, i + 1, 10, 9, 30, 0, DateTimeKind.Utc),
            Liked = i % 3 == 0 ? null : $"The commentaries are clear and short (entry {i + 1}).\nThe search finds things.",
            CouldImprove = i % 2 == 0 ? "A very long suggestion without spaces: " + new string('x', 180) : null,
            Email = i == 4 ? "reader@example.org" : null,
            PagePath = "/publications/rsis-commentary-series",
        }));
    }

    [Fact]
    public async Task Staff_filter_the_feedback_with_the_form_and_the_page_has_no_serious_axe_violation()
    {
        await AddYearOfFeedbackAsync(2041);
        var page = await SignInAsync(Viewports.Desktop);
        await Expect(page.Locator(".admin-stats")).ToContainTextAsync("this month");
        await Screenshots.SaveAsync(page, "admin-dashboard");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff area" }).GetByRole(AriaRole.Link, new() { Name = "Feedback" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Feedback", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("From (UTC)").FillAsync("2041-01-01");
        await page.GetByLabel("To (UTC), included").FillAsync("2041-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(page.Locator("[data-figure=count]")).ToHaveTextAsync("12");
        await Expect(page.Locator("[data-figure=average]")).ToHaveTextAsync("4.5");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "How many entries gave each rating, 1 to 6" })).ToBeVisibleAsync();
        Assert.Contains("from=2041-01-01", page.Url, StringComparison.Ordinal);
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-feedback");

        await page.GetByLabel("1, not satisfied").CheckAsync();
        await page.GetByLabel("2", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(page.Locator("[data-figure=count]")).ToHaveTextAsync("2");
        await Expect(page.Locator(".admin-feedback-entry")).ToHaveCountAsync(2);
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task The_feedback_page_and_its_chart_fit_a_phone()
    {
        await AddYearOfFeedbackAsync(2042);
        var page = await SignInAsync(Viewports.Phone);
        await page.GotoAsync("/admin/feedback?from=2042-01-01&to=2042-12-31");

        var chart = await page.Locator(".rating-chart__svg").BoundingBoxAsync();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        // The labels of the bars are drawn in the SVG's own units; measured on screen they stay readable.
        var labelHeight = await page.Locator(".rating-chart__rating").First.EvaluateAsync<double>("e => e.getBoundingClientRect().height");

        Assert.True(scrollWidth <= Viewports.Phone.Width, $"The feedback page is {scrollWidth} px wide on a {Viewports.Phone.Width} px phone.");
        Assert.NotNull(chart);
        Assert.True(chart.X >= 0 && chart.X + chart.Width <= Viewports.Phone.Width, $"The chart spans {chart.X}–{chart.X + chart.Width} px.");
        Assert.True(labelHeight >= 12, $"The bar labels are {labelHeight} px high.");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-feedback-phone");
    }
}
