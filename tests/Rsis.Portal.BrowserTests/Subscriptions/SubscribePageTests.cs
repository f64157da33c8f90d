using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Subscriptions;

public sealed class SubscribePageTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_subscribe_page_from_the_footer_has_its_list_chosen_and_no_serious_or_critical_axe_violation()
    {
        var page = await OpenAsync("/", Viewports.Desktop);
        await page.GetByRole(AriaRole.Link, new() { Name = "Subscribe to RSIS Events" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subscribe by email", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("New events")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("No publications")).ToBeCheckedAsync();

        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task Without_javascript_a_bad_address_is_shown_beside_the_field_and_a_good_one_is_told_to_check_the_inbox()
    {
        var page = await OpenAsync("/subscribe?list=publications", Viewports.Phone, javaScriptEnabled: false);
        await page.GetByLabel("Your email address").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(page.Locator("#subscribe-email-error")).ToHaveTextAsync("Enter an email address, such as name@example.com.");
        await Expect(page.GetByLabel("Your email address")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Your email address").FillAsync($"browser-{Guid.NewGuid():N}@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox", Level = 1 })).ToBeVisibleAsync();
    }
}
