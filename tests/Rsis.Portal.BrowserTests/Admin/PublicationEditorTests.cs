using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.BrowserTests.Infrastructure;

namespace Rsis.Portal.BrowserTests.Admin;

/// <summary>A member of staff at work in a real browser: sign in, write, publish, fix a title, check the site.</summary>
public sealed class PublicationEditorTests(BrowserPortal portal) : BrowserTest(portal)
{
    private readonly BrowserPortal _portal = portal;

    /// <summary>Writes and publishes a commentary through the "New publication" form; leaves the page on its edit form.</summary>
    private static async Task CreatePublishedAsync(IPage page, string title)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a new publication" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Published: readers see it").CheckAsync();
        await page.GetByLabel("Synopsis").FillAsync("A synopsis written in the browser.");
        await page.FillBodyAsync("An opening paragraph.\n\n## What changed\n\nA closing paragraph.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create publication" }).ClickAsync();
        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("The publication has been created.");
    }

    [Fact]
    public async Task Staff_sign_in_publish_fix_a_title_and_readers_see_the_new_title_at_once()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await CreatePublishedAsync(page, "Cyber Norms After the Talks");

        // The public page is opened (and so cached) before the fix: saving must evict it.
        await page.GetByRole(AriaRole.Link, new() { Name = "view on site" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Cyber Norms After the Talks");
        var oldAddress = new Uri(page.Url).AbsolutePath;
        await page.GoBackAsync();

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Cyber Norms Ten Years After the Talks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("Your changes have been saved.");
        await page.GetByRole(AriaRole.Link, new() { Name = "view on site" }).First.ClickAsync();

        await Expect(page.Locator("h1")).ToContainTextAsync("Cyber Norms Ten Years After the Talks");
        // A bookmark of the old address lands on the new page.
        var reader = await page.Context.NewPageAsync();
        await reader.GotoAsync(oldAddress);
        await Expect(reader.Locator("h1")).ToContainTextAsync("Cyber Norms Ten Years After the Talks");
        await reader.CloseAsync();
    }

    [Fact]
    public async Task The_preview_shows_the_text_as_the_article_will_and_drops_script()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await page.GotoAsync("/admin/publications/new");

        await page.FillBodyAsync("## Scope\n\nA **bold** claim.\n\n<script>document.title='owned'</script>");

        var preview = page.Locator("#body-preview");
        await Expect(preview.Locator("h3")).ToHaveTextAsync("Scope");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("bold");
        Assert.Equal(0, await preview.Locator("script").CountAsync());
        Assert.NotEqual("owned", await page.TitleAsync());
    }

    [Fact]
    public async Task Authors_can_be_added_and_moved_with_the_keyboard()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await page.GotoAsync("/admin/publications/new");
        await page.GetByLabel("Author 1", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "C. Raja Mohan" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an author" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Move author 1 down" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByLabel("Author 2", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        await Expect(page.GetByLabel("Author 1", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is now author 2" })).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 3)]
    public async Task After_a_save_the_author_list_shows_the_byline_without_extra_empty_rows(bool javaScriptEnabled, int rowsAfterSave)
    {
        var page = await SignInAsync(Viewports.Desktop, javaScriptEnabled);
        await page.GotoAsync("/admin/publications/1/edit");

        for (var save = 0; save < 2; save++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Expect(page.Locator(".admin-notice")).ToContainTextAsync("Your changes have been saved.");
        }

        // One author: with JavaScript "Add an author" adds rows; without it, two empty rows wait under the byline, no more.
        await Expect(page.Locator("[data-author-row]")).ToHaveCountAsync(rowsAfterSave);
        await Expect(page.GetByLabel("Author 1", new() { Exact = true })).Not.ToHaveValueAsync("");
        await Screenshots.SaveAsync(page, javaScriptEnabled ? "admin-authors-after-save" : "admin-authors-after-save-without-javascript");
    }

    [Fact]
    public async Task A_correction_note_shows_under_the_byline_and_both_pages_stay_accessible()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await CreatePublishedAsync(page, "Undersea Cables and the Talks");
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GetByLabel("Correction note (shown to readers)").FillAsync("An earlier version gave the wrong year for the talks.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator(".admin-notice")).ToContainTextAsync("Your changes have been saved.");
        await page.GetByRole(AriaRole.Link, new() { Name = "view on site" }).First.ClickAsync();

        await Expect(page.Locator(".article-correction")).ToContainTextAsync("An earlier version gave the wrong year for the talks.");
        await Expect(page.Locator(".article-correction")).ToContainTextAsync("Correction, ");
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task The_login_list_and_edit_pages_have_no_serious_or_critical_axe_violation()
    {
        var (email, password) = await _portal.CreateStaffAsync(StaffRoles.Administrator);
        var page = await OpenAsync("/admin/login", Viewports.Desktop);
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-login");

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GotoAsync("/admin/publications");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-publications");

        await page.GetByRole(AriaRole.Link, new() { Name = SeedFacts.Title }).ClickAsync();
        await Expect(page.Locator("#body-preview h3").First).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-edit");

        // A form with problems: the summary, the messages beside the fields.
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task On_a_desktop_screen_the_text_box_of_the_edit_page_is_wide_enough_to_write_in()
    {
        var page = await SignInAsync(Viewports.Desktop);
        await page.GotoAsync("/admin/publications/1/edit");
        await Expect(page.Locator("#body-preview h3").First).ToBeVisibleAsync();

        var text = await page.Locator("#field-Body").BoundingBoxAsync();
        var preview = await page.Locator("#body-preview").BoundingBoxAsync();

        Assert.True(text!.Width >= 600, $"The Markdown box is {text.Width} px wide on a {Viewports.Desktop.Width} px screen.");
        Assert.True(preview!.Width >= 600, $"The preview is {preview.Width} px wide on a {Viewports.Desktop.Width} px screen.");
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Viewports.Desktop.Width, $"The edit page is {scrollWidth} px wide.");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-edit-desktop");
    }

    [Fact]
    public async Task The_edit_page_fits_a_phone_and_its_menu_stays_reachable()
    {
        var page = await SignInAsync(Viewports.Phone);
        await page.GotoAsync("/admin/publications/1/edit");

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Publications" }).First).ToBeVisibleAsync();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Viewports.Phone.Width, $"The edit page is {scrollWidth} px wide on a {Viewports.Phone.Width} px phone.");
        await page.AssertNoSeriousAxeViolationsAsync();
        await Screenshots.SaveAsync(page, "admin-edit-phone");
    }
}
