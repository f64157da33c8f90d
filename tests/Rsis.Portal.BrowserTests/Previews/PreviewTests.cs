using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Previews;

/// <summary>Previewing a draft from its edit screen, and sharing the preview, in a real browser.</summary>
public sealed class PreviewTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_preview_button_opens_the_unsaved_draft_under_the_banner_and_a_shared_link_shows_it_without_an_account()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a new publication" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Harbours of the Straits");
        await page.GetByLabel("Synopsis").FillAsync("A synopsis written in the browser.");
        await page.FillBodyAsync("An opening paragraph.\n\n## Ports\n\nA closing paragraph.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create publication" }).ClickAsync();
        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("The publication has been created.");

        // Typed, not saved: the preview opens in a new tab and the form stays as it is.
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Harbours of the Straits, Revised");
        var preview = await page.RunAndWaitForPopupAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Preview these changes" }).ClickAsync());
        await Expect(preview.GetByRole(AriaRole.Complementary, new() { Name = "Preview — not published" })).ToBeVisibleAsync();
        await Expect(preview.Locator("h1")).ToContainTextAsync("Harbours of the Straits, Revised");
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Cite this" })).ToBeVisibleAsync();
        await preview.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(preview, "preview-unsaved");
        await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Harbours of the Straits, Revised");

        // The edit screen's "Share a preview" panel: the link, a button that copies it, and the way to revoke them.
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var link = await page.GetByRole(AriaRole.Textbox, new() { Name = "Preview link" }).InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy a preview link" }).ClickAsync();
        await Expect(page.Locator("[data-copy-link-status]")).ToHaveTextAsync("Copied the preview link.");
        Assert.Equal(link, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await page.AssertNoSeriousAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Revoke preview links…" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Share a preview");
        await page.AssertNoSeriousAxeViolationsAsync();

        // Someone without an account, in a browser of their own, sees the saved draft.
        var colleague = await OpenAsync(new Uri(link).PathAndQuery, Viewports.Phone);
        await Expect(colleague.GetByRole(AriaRole.Complementary, new() { Name = "Preview — not published" })).ToBeVisibleAsync();
        await Expect(colleague.Locator("h1")).ToContainTextAsync("Harbours of the Straits");
        await Expect(colleague.Locator("h1")).Not.ToContainTextAsync("Revised");
        await colleague.AssertNoSeriousAxeViolationsAsync();
    }
}
