using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.History;

/// <summary>An editor's way through the safety net, in a real browser: versions, compare, restore, and the Trash.</summary>
public sealed class VersionsScreenTests(BrowserPortal portal) : BrowserTest(portal)
{
    [Fact]
    public async Task An_editor_compares_two_versions_restores_the_first_and_sees_it_live_then_undoes_a_deletion()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a new publication" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Dredging the Johor Strait");
        await page.GetByLabel("Published: readers see it", new() { Exact = false }).CheckAsync();
        await page.FillBodyAsync("The dredging began in the dry season.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create publication" }).ClickAsync();
        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("The publication has been created.");
        await page.FillBodyAsync("The dredging began in the wet season.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("Your changes have been saved.");
        var editUrl = page.Url.Split('?')[0];
        var address = await page.Locator(".admin-editor__aside a[href^='/publications/']").First.GetAttributeAsync("href");
        var reader = await OpenAsync(address!, Viewports.Phone);
        await Expect(reader.Locator(".article-body")).ToContainTextAsync("wet season");

        await page.GetByRole(AriaRole.Link, new() { Name = "Versions: compare and restore" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Versions of");
        await page.AssertNoSeriousAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Expect(page.Locator(".admin-compare del")).ToHaveTextAsync("[removed: dry]");
        await Expect(page.Locator(".admin-compare ins")).ToHaveTextAsync("[added: wet]");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "versions-compare");

        await page.GetByRole(AriaRole.Link, new() { Name = "Restore version 1" }).ClickAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();
        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("Version 1 has been restored as a new version.");
        await Expect(page.Locator(".admin-table tbody tr").First).ToContainTextAsync("Restored version 1 (Body)");

        await reader.ReloadAsync();
        await Expect(reader.Locator(".article-body")).ToContainTextAsync("dry season");

        // Deleted, then brought back from the Trash.
        await page.GotoAsync(editUrl.Replace("/edit", "/delete", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Delete") }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Trash", Exact = true }).First.ClickAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "trash");
        await reader.ReloadAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page removed");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Restore") }).First.ClickAsync();
        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("The publication is back from the Trash, with its versions.");
        await reader.ReloadAsync();
        await Expect(reader.Locator(".article-body")).ToContainTextAsync("dry season");
    }
}
