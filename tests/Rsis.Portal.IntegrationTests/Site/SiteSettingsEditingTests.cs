using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Domain.Site;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Site;

/// <summary>Staff change the header and footer at /admin/settings; every public page follows at once.</summary>
public sealed class SiteSettingsEditingTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string SettingsForm = "#settings-form";
    private const string LinkForm = "#link-form";

    /// <summary>The home page as a reader gets it (from the output cache when it is there).</summary>
    private async Task<IHtmlDocument> PublicPageAsync() => await portal.CreateReader().GetPageAsync("/");

    private static List<string> PopularLinks(IHtmlDocument page) =>
        page.QuerySelectorAll("nav[aria-labelledby='footer-popular-heading'] a").Select(a => a.TextContent.Trim()).ToList();

    private Task<int> LinkIdAsync(string title) =>
        portal.WithDatabaseAsync(db => db.SiteLinks.Where(l => l.Title == title).Select(l => l.Id).SingleAsync(TestContext.Current.CancellationToken));

    private static async Task<FormFields> SettingsFormAsync(HttpClient staff) =>
        FormFields.Of(await staff.GetPageAsync("/admin/settings"), SettingsForm);

    [Fact]
    public async Task A_new_tagline_copyright_and_address_show_on_public_pages_at_once_and_in_the_audit_log()
    {
        var (editor, member) = await portal.SignedInAsync(StaffRoles.Editor);
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        // Read (and so cached) before the change: the save must evict it.
        await PublicPageAsync();

        var form = (await SettingsFormAsync(editor))
            .Set("Tagline", "Think Tank, Graduate School & Archive")
            .Set("Copyright", "Copyright © RSIS 2026. Some rights reserved.")
            .Set("Address", "Block S4, Level B3\r\n50 Nanyang Avenue\r\n\r\nSingapore 639798");
        using var saved = await editor.PostFormAsync("/admin/settings", form);
        var page = await PublicPageAsync();

        Assert.Equal("/admin/settings?saved=settings", saved.Location());
        Assert.Contains("has been saved", (await editor.GetPageAsync(saved.Location())).QuerySelector(".admin-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Think Tank, Graduate School & Archive", page.QuerySelector(".site-brand__tagline")!.TextContent.Trim());
        Assert.Equal("Copyright © RSIS 2026. Some rights reserved.", page.QuerySelector(".site-footer__copyright")!.TextContent.Trim());
        var address = page.QuerySelector(".site-footer__address")!;
        Assert.Equal(2, address.QuerySelectorAll("br").Length);
        Assert.Equal("Block S4, Level B3 50 Nanyang Avenue Singapore 639798", address.TextContent.Squash());
        // Every page, not just the one read first.
        Assert.Contains("Some rights reserved.", (await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl)).QuerySelector(".site-footer__copyright")!.TextContent, StringComparison.Ordinal);

        var log = (await administrator.GetPageAsync("/admin/audit")).QuerySelector("tbody tr")!.TextContent.Squash();
        Assert.Contains(member.Email, log, StringComparison.Ordinal);
        Assert.Contains("Updated site settings", log, StringComparison.Ordinal);
        Assert.Contains("Tagline:", log, StringComparison.Ordinal);
        Assert.Contains("Think Tank, Graduate School & Archive", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_footer_link_added_moved_edited_and_removed_is_followed_by_the_public_footer_at_once()
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var before = PopularLinks(await PublicPageAsync());

        // Added: at the end of its group.
        var add = FormFields.Of(await editor.GetPageAsync("/admin/settings/links/new?group=PopularLinks"), LinkForm)
            .Set("Title", "Alumni").Set("Url", "/alumni");
        using (var added = await editor.PostFormAsync("/admin/settings/links/new", add))
        {
            Assert.Equal("/admin/settings?saved=added#links-popularlinks", added.Location());
        }

        Assert.Equal([.. before, "Alumni"], PopularLinks(await PublicPageAsync()));

        // Moved up one place, with the small form beside it.
        var id = await LinkIdAsync("Alumni");
        var up = FormFields.Of(await editor.GetPageAsync("/admin/settings"), $"form[action='/admin/settings/links/{id}/move'][data-move='up']");
        (await editor.PostFormAsync($"/admin/settings/links/{id}/move", up)).Dispose();
        Assert.Equal([.. before[..^1], "Alumni", before[^1]], PopularLinks(await PublicPageAsync()));

        // Edited.
        var edit = FormFields.Of(await editor.GetPageAsync($"/admin/settings/links/{id}/edit"), LinkForm).Set("Title", "Alumni Network");
        (await editor.PostFormAsync($"/admin/settings/links/{id}/edit", edit)).Dispose();
        var footer = await PublicPageAsync();
        Assert.Equal([.. before[..^1], "Alumni Network", before[^1]], PopularLinks(footer));
        Assert.Equal("/alumni", footer.QuerySelectorAll("nav[aria-labelledby='footer-popular-heading'] a").Single(a => a.TextContent.Trim() == "Alumni Network").GetAttribute("href"));

        // Removed.
        var remove = FormFields.Of(await editor.GetPageAsync("/admin/settings"), $"form[action='/admin/settings/links/{id}/remove']");
        using (var removed = await editor.PostFormAsync($"/admin/settings/links/{id}/remove", remove))
        {
            Assert.Equal("/admin/settings?saved=removed#links-popularlinks", removed.Location());
        }

        Assert.Equal(before, PopularLinks(await PublicPageAsync()));

        // Each change was a save of the settings, kept as a version; bringing back the one before the removal
        // brings the link back to the public footer, where it was.
        var latest = await portal.WithDatabaseAsync(db => db.Revisions.Where(r => r.EntityType == nameof(SiteSettings)).MaxAsync(r => r.Number, TestContext.Current.CancellationToken));
        var summaries = await portal.WithDatabaseAsync(db => db.Revisions.Where(r => r.EntityType == nameof(SiteSettings) && r.Number > latest - 4)
            .OrderBy(r => r.Number).Select(r => r.Summary).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Enumerable.Repeat("Popular links changed", 4), summaries);
        var confirm = await editor.GetPageAsync($"/admin/settings/history/{latest - 1}/restore");
        (await editor.PostFormAsync($"/admin/settings/history/{latest - 1}/restore", FormFields.Of(confirm, $"form[action='/admin/settings/history/{latest - 1}/restore']"))).Dispose();
        Assert.Equal([.. before[..^1], "Alumni Network", before[^1]], PopularLinks(await PublicPageAsync()));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("ftp://files.example.org/")]
    [InlineData("www.example.org")]
    public async Task A_link_address_that_is_not_web_mail_or_site_path_is_refused_beside_the_field(string url)
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var form = FormFields.Of(await editor.GetPageAsync("/admin/settings/links/new?group=Legal"), LinkForm)
            .Set("Title", "Sneaky link").Set("Url", url);

        using var response = await editor.PostFormAsync("/admin/settings/links/new", form);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Use an address that starts with https://, http:// or mailto:", page.QuerySelector("#error-Url")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(url, page.QuerySelector("#field-Url")!.GetAttribute("value"));
        Assert.Equal("Sneaky link", page.QuerySelector("#field-Title")!.GetAttribute("value"));
        Assert.DoesNotContain("Sneaky link", (await PublicPageAsync()).QuerySelector(".site-footer")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.rsis.edu.sg/events")]
    [InlineData("mailto:rsispublications@ntu.edu.sg")]
    [InlineData("/feeds/publications.atom")]
    public async Task Web_mail_and_site_addresses_are_accepted(string url)
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var title = "Accepted " + Guid.NewGuid().ToString("N")[..6];
        var form = FormFields.Of(await editor.GetPageAsync("/admin/settings/links/new?group=Contact"), LinkForm).Set("Title", title).Set("Url", url);

        using var response = await editor.PostFormAsync("/admin/settings/links/new", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = (await PublicPageAsync()).QuerySelectorAll(".site-footer__contact a").Single(a => a.TextContent.Trim() == title);
        Assert.Equal(url, link.GetAttribute("href"));
    }

    [Fact]
    public async Task A_social_link_needs_a_network()
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var form = FormFields.Of(await editor.GetPageAsync("/admin/settings/links/new?group=Social"), LinkForm)
            .Set("Title", "rsis.bluesky").Set("Url", "https://bsky.app/profile/rsis").Set("Network", " ");

        using var response = await editor.PostFormAsync("/admin/settings/links/new", form);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter the network of a social link", page.QuerySelector("#error-Network")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("error-Network", page.QuerySelector("#field-Network")!.GetAttribute("aria-describedby")!.Split(' ')[^1]);
    }

    [Fact]
    public async Task Empty_required_fields_are_refused_each_beside_its_field_with_the_other_values_kept()
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var form = (await SettingsFormAsync(editor)).Set("Tagline", "   ").Set("Copyright", "").Set("Motto", "Typed and kept");

        using var response = await editor.PostFormAsync("/admin/settings", form);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter the tagline.", page.QuerySelector("#error-Tagline")!.TextContent.Trim());
        Assert.Equal("Enter the copyright line.", page.QuerySelector("#error-Copyright")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#field-Tagline")!.GetAttribute("aria-invalid"));
        Assert.Equal("Typed and kept", page.QuerySelector("#field-Motto")!.GetAttribute("value"));
        Assert.Contains("There are 2 problems", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Typed and kept", (await PublicPageAsync()).QuerySelector(".site-header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_thousand_characters_are_refused_with_a_message_and_nothing_is_saved()
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var huge = new string('x', 10_000);
        var form = (await SettingsFormAsync(editor)).Set("Address", huge).Set("CookieNotice", huge).Set("Tagline", "Not saved either");
        var link = FormFields.Of(await editor.GetPageAsync("/admin/settings/links/new?group=Legal"), LinkForm).Set("Title", huge).Set("Url", "/" + huge);

        using var settings = await editor.PostFormAsync("/admin/settings", form);
        using var linkResponse = await editor.PostFormAsync("/admin/settings/links/new", link);
        var settingsPage = await settings.ReadPageAsync();
        var linkPage = await linkResponse.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, settings.StatusCode);
        Assert.Equal("The address can be at most 1,000 characters.", settingsPage.QuerySelector("#error-Address")!.TextContent.Trim());
        Assert.Equal("The cookie notice can be at most 1,000 characters.", settingsPage.QuerySelector("#error-CookieNotice")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, linkResponse.StatusCode);
        Assert.Contains("at most 200 characters", linkPage.QuerySelector("#error-Title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("at most 2,000 characters", linkPage.QuerySelector("#error-Url")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Not saved either", (await PublicPageAsync()).QuerySelector(".site-header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_from_a_stale_settings_screen_is_refused_with_who_changed_it_and_the_typed_values_kept()
    {
        var (alice, aliceStaff) = await portal.SignedInAsync(StaffRoles.Editor);
        var (bob, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var alicesForm = await SettingsFormAsync(alice);
        var bobsForm = await SettingsFormAsync(bob);
        // Bob also opened a link form: a link save checks the same token as the text.
        var bobsLink = FormFields.Of(await bob.GetPageAsync("/admin/settings/links/new?group=PopularLinks"), LinkForm).Set("Title", "Bob's link").Set("Url", "/bob");

        using var first = await alice.PostFormAsync("/admin/settings", alicesForm.Set("Motto", "Alice's motto"));
        using var second = await bob.PostFormAsync("/admin/settings", bobsForm.Set("Motto", "Bob's motto").Set("Tagline", "Bob's tagline"));
        using var third = await bob.PostFormAsync("/admin/settings/links/new", bobsLink);
        var refused = await second.ReadPageAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var message = refused.QuerySelector(".admin-conflict")!.TextContent.Squash();
        Assert.Contains($"The site settings screen was changed by {aliceStaff.Email}", message, StringComparison.Ordinal);
        Assert.Contains("Your changes have not been saved; they are still in the form.", message, StringComparison.Ordinal);
        Assert.Equal("Bob's motto", refused.QuerySelector("#field-Motto")!.GetAttribute("value"));
        Assert.Equal("Bob's tagline", refused.QuerySelector("#field-Tagline")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        Assert.Equal("Bob's link", (await third.ReadPageAsync()).QuerySelector("#field-Title")!.GetAttribute("value"));
        var header = (await PublicPageAsync()).QuerySelector(".site-header")!.TextContent;
        Assert.Contains("Alice's motto", header, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob's", header, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob's link", (await PublicPageAsync()).QuerySelector(".site-footer")!.TextContent, StringComparison.Ordinal);

        // The form that came back carries the current version: sending it again knowingly replaces Alice's.
        using var again = await bob.PostFormAsync("/admin/settings", FormFields.Of(refused, SettingsForm));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Bob's motto", (await PublicPageAsync()).QuerySelector(".site-header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_or_removing_a_link_from_a_stale_screen_changes_nothing_and_says_why()
    {
        var (alice, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var (bob, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await LinkIdAsync("Get in Touch");
        var bobsScreen = await bob.GetPageAsync("/admin/settings");
        (await alice.PostFormAsync("/admin/settings", (await SettingsFormAsync(alice)).Set("Motto", "Moved on " + Guid.NewGuid().ToString("N")[..6]))).Dispose();
        var footerBefore = (await PublicPageAsync()).QuerySelector(".site-footer__contact")!.TextContent.Squash();

        using var move = await bob.PostFormAsync($"/admin/settings/links/{id}/move", FormFields.Of(bobsScreen, $"form[action='/admin/settings/links/{id}/move']"));
        using var remove = await bob.PostFormAsync($"/admin/settings/links/{id}/remove", FormFields.Of(bobsScreen, $"form[action='/admin/settings/links/{id}/remove']"));

        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);
        Assert.Contains("Not moved. Someone else changed the site settings screen", (await move.ReadPageAsync()).QuerySelector(".admin-conflict")!.TextContent.Squash(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, remove.StatusCode);
        Assert.Contains("Not removed.", (await remove.ReadPageAsync()).QuerySelector(".admin-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(footerBefore, (await PublicPageAsync()).QuerySelector(".site-footer__contact")!.TextContent.Squash());
    }

    [Fact]
    public async Task Saving_a_link_someone_else_removed_meanwhile_says_who_and_keeps_the_typing()
    {
        var (alice, aliceStaff) = await portal.SignedInAsync(StaffRoles.Editor);
        var (bob, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var title = "Short-lived " + Guid.NewGuid().ToString("N")[..6];
        var add = FormFields.Of(await alice.GetPageAsync("/admin/settings/links/new?group=Legal"), LinkForm).Set("Title", title).Set("Url", "/short-lived");
        (await alice.PostFormAsync("/admin/settings/links/new", add)).Dispose();
        var id = await LinkIdAsync(title);
        var bobsForm = FormFields.Of(await bob.GetPageAsync($"/admin/settings/links/{id}/edit"), LinkForm).Set("Title", "Bob's better title");
        (await alice.PostFormAsync($"/admin/settings/links/{id}/remove", FormFields.Of(await alice.GetPageAsync("/admin/settings"), $"form[action='/admin/settings/links/{id}/remove']"))).Dispose();

        using var response = await bob.PostFormAsync($"/admin/settings/links/{id}/edit", bobsForm);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"was changed by {aliceStaff.Email}", page.QuerySelector(".admin-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bob's better title", page.QuerySelector("#field-Title")!.GetAttribute("value"));
        Assert.DoesNotContain(title, (await PublicPageAsync()).QuerySelector(".site-footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_that_does_not_exist_answers_404_and_a_post_without_a_token_is_refused()
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var screen = await editor.GetPageAsync("/admin/settings");

        using var edit = await editor.GetAsync(new Uri("/admin/settings/links/999999/edit", UriKind.Relative), TestContext.Current.CancellationToken);
        var id = await LinkIdAsync("Careers");
        var removeForm = FormFields.Of(screen, $"form[action='/admin/settings/links/{id}/remove']");
        using var missing = await editor.PostFormAsync("/admin/settings/links/999999/remove", removeForm);
        using var tokenless = await editor.PostFormAsync($"/admin/settings/links/{id}/remove", removeForm.Without("ConcurrencyToken"));

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Contains("lost track of which version", (await tokenless.ReadPageAsync()).QuerySelector(".admin-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Careers", (await PublicPageAsync()).QuerySelector(".site-footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_the_settings_is_shown_as_text_on_public_pages()
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var form = (await SettingsFormAsync(editor)).Set("Tagline", "<script>alert('x')</script><b>Bold</b>");

        (await editor.PostFormAsync("/admin/settings", form)).Dispose();
        var page = await PublicPageAsync();

        Assert.Equal("<script>alert('x')</script><b>Bold</b>", page.QuerySelector(".site-brand__tagline")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".site-brand__tagline script, .site-brand__tagline b"));
    }
}
