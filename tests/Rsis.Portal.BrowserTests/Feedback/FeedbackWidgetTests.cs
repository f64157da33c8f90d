using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Feedback;

public sealed class FeedbackWidgetTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task A_reader_rates_the_site_by_keyboard_fixes_an_error_and_is_thanked()
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Desktop);
        var launcher = page.GetByRole(AriaRole.Link, new() { Name = "Help us improve" });
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Help us improve" });

        await launcher.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToBeVisibleAsync();

        var liked = dialog.GetByLabel("What did you like?");
        await liked.FocusAsync();
        await page.Keyboard.TypeAsync("Clear writing 👍🏽");
        // Fifteen characters as a person counts them: the thumbs-up with its skin tone is one.
        await Expect(dialog.Locator("#feedback-liked-count")).ToHaveTextAsync("15/255 characters");

        await dialog.GetByLabel("Your email").FillAsync("not-an-email");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(dialog.Locator("#feedback-rating-error")).ToHaveTextAsync("Choose a rating from 1 (not satisfied) to 6 (very satisfied).");
        await Expect(dialog.Locator("#feedback-email-error")).ToHaveTextAsync("Please enter a valid email.");

        await dialog.GetByLabel("Your email").FillAsync("reader@example.org");
        await dialog.Locator("#feedback-rating-5").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(dialog.Locator("#feedback-rating-5")).ToBeCheckedAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you for your feedback.");

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(launcher).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_open_panel_keeps_focus_inside_and_has_no_serious_or_critical_axe_violation()
    {
        var page = await OpenAsync("/", Viewports.Desktop);
        await page.GetByRole(AriaRole.Link, new() { Name = "Help us improve" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Help us improve" });
        await Expect(dialog).ToBeVisibleAsync();

        // Tabbing through every control of the panel never leaves it: the page behind is inert.
        for (var i = 0; i < 15; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('feedback-dialog').contains(document.activeElement)"),
                $"Focus left the feedback panel after {i + 1} Tab presses.");
        }

        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task The_panel_fits_a_phone_screen()
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Phone);
        await page.GetByRole(AriaRole.Link, new() { Name = "Help us improve" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Help us improve" });
        await Expect(dialog).ToBeVisibleAsync();

        var box = await dialog.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"The panel spans {box.X}..{box.X + box.Width} on a 375 px screen.");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "feedback-panel-375");
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task Without_javascript_the_feedback_page_keeps_what_was_typed_on_error_and_thanks_on_success()
    {
        var page = await OpenAsync("/", Viewports.Desktop, javaScriptEnabled: false);
        await page.GetByRole(AriaRole.Link, new() { Name = "Help us improve" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/feedback$"));

        await page.GetByLabel("What did you like?").FillAsync("The commentary pages");
        await page.GetByLabel("What can be improved?").FillAsync("More search filters");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(page.Locator("#feedback-rating-error")).ToHaveTextAsync("Choose a rating from 1 (not satisfied) to 6 (very satisfied).");
        await Expect(page.GetByLabel("What did you like?")).ToHaveValueAsync("The commentary pages");
        await Expect(page.GetByLabel("What can be improved?")).ToHaveValueAsync("More search filters");

        await page.Locator("label[for=feedback-rating-6]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for your feedback.");
    }

    [Fact]
    public async Task The_feedback_page_showing_errors_has_no_serious_or_critical_axe_violation()
    {
        // axe needs JavaScript; the page's own form posts normally either way.
        var page = await OpenAsync("/feedback", Viewports.Desktop);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.Locator("#feedback-rating-error")).Not.ToBeEmptyAsync();

        await page.AssertNoSeriousAxeViolationsAsync();
    }
}
