using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Admin;

/// <summary>The site settings screen in a real browser: accessible, usable at phone width, and the footer follows it.</summary>
public sealed class SiteSettingsScreenTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_settings_screen_and_its_forms_have_no_serious_or_critical_axe_violation()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await page.GetByRole(AriaRole.Link, new() { Name = "Site settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Site settings", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-settings");

        // A form with problems: the summary takes focus, the message sits beside the field.
        await page.GetByLabel("Tagline").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the text" }).ClickAsync();
        await Expect(page.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await Expect(page.Locator("#error-Tagline")).ToHaveTextAsync("Enter the tagline.");
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GotoAsync("/admin/settings/links/new?group=Social");
        await page.GetByLabel("Address").FillAsync("javascript:alert(1)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the link" }).ClickAsync();
        await Expect(page.Locator("#error-Url")).ToContainTextAsync("Use an address that starts with https://");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-settings-link-errors");
    }

    [Fact]
    public async Task A_promo_picture_chosen_on_its_screen_is_refused_when_it_is_not_one_and_shown_on_the_home_page_when_it_is()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await page.GotoAsync("/admin/settings");
        await page.GetByLabel("Promo title (optional)").FillAsync("Asia’s New Maritime Order");
        await page.GetByLabel("Promo link (optional)").FillAsync("https://example.org/maritime-order");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the text" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a picture" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Promo picture", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GetByLabel("Upload a picture").SetInputFilesAsync(new FilePayload { Name = "cover.png", MimeType = "image/png", Buffer = "not a picture"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await Expect(page.Locator("#error-File")).ToContainTextAsync("This file is not a picture the site can show");
        await page.AssertNoSeriousAxeViolationsAsync();

        // The site's own touch icon is a real PNG.
        var icon = await (await page.APIRequest.GetAsync("/apple-touch-icon.png")).BodyAsync();
        await page.GetByLabel("Upload a picture").SetInputFilesAsync(new FilePayload { Name = "cover.png", MimeType = "image/png", Buffer = icon });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The picture has been saved.");

        await page.GotoAsync("/");
        var picture = page.Locator(".site-promo img");
        await picture.ScrollIntoViewIfNeededAsync();
        await Expect(picture).ToBeVisibleAsync();
        // Loaded whole: the touch icon is 180 pixels wide.
        await Expect(picture).ToHaveJSPropertyAsync("naturalWidth", 180);
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "home-promo-picture");
    }

    [Fact]
    public async Task A_footer_link_moved_with_the_keyboard_moves_in_the_public_footer()
    {
        var page = await SignInAsync(Viewports.Desktop);
        var footer = await page.Context.NewPageAsync();
        await footer.GotoAsync("/");
        var popular = footer.Locator("nav[aria-labelledby='footer-popular-heading'] a");
        var first = (await popular.Nth(0).TextContentAsync())!.Trim();
        var second = (await popular.Nth(1).TextContentAsync())!.Trim();

        await page.GotoAsync("/admin/settings");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Move down “{first}”" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("The link has been moved.");
        await footer.ReloadAsync();
        await Expect(popular.Nth(0)).ToHaveTextAsync(second);
        await Expect(popular.Nth(1)).ToHaveTextAsync(first);

        // And back, leaving the footer as the other tests expect it.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Move up “{first}”" }).ClickAsync();
        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("The link has been moved.");
        await footer.ReloadAsync();
        await Expect(popular.Nth(0)).ToHaveTextAsync(first);
    }

    [Fact]
    public async Task The_settings_screen_fits_a_phone()
    {
        var page = await SignInAsync(Viewports.Phone);
        await page.GotoAsync("/admin/settings");

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Viewports.Phone.Width, $"The settings page is {scrollWidth} px wide on a {Viewports.Phone.Width} px phone.");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-settings-phone");
    }
}
