using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.IntegrationTests.Feedback;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>
/// A value that is not one the field can hold (a status that does not exist, a date that is not a date, an id
/// that is not a number) is refused with a message beside the field and nothing saved — never replaced by a
/// default and saved, which once took CO13046 offline.
/// </summary>
public sealed class BadFieldValueTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<int> ArticleIdAsync() =>
        portal.WithDatabaseAsync(db => db.Publications.Where(p => p.Code == SeedFacts.Code).Select(p => p.Id).SingleAsync(Cancel));

    private Task<(PublicationStatus, DateTime?, DateOnly, Guid)> ArticleAsStoredAsync(int id) =>
        portal.WithDatabaseAsync(db => db.Publications.Where(p => p.Id == id)
            .Select(p => ValueTuple.Create(p.Status, p.PublishAtUtc, p.PublishedOn, p.ConcurrencyToken)).SingleAsync(Cancel));

    [Theory]
    [InlineData("Status", "Bogus", "“Bogus” is not a valid status.")]
    [InlineData("Status", "2", "“2” is not a valid status.")]
    [InlineData("Status", "-1", "“-1” is not a valid status.")]
    [InlineData("Status", "", "The status is missing.")]
    [InlineData("PublishAt", "not-a-date", "“not-a-date” is not a valid date and time to publish at.")]
    [InlineData("PublishedOn", "2013-02-31", "“2013-02-31” is not a valid publication date.")]
    [InlineData("SeriesId", "abc", "“abc” is not a valid series.")]
    [InlineData("SeriesId", "99999999999", "“99999999999” is not a valid series.")]
    [InlineData("AuthorIds", "first", "“first” is not a valid author.")]
    [InlineData("CategoryIds", "1.5", "“1.5” is not a valid category.")]
    public async Task A_bad_value_on_the_publication_form_is_refused_beside_its_field_and_the_article_stays_as_it_was(
        string field, string value, string message)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await ArticleIdAsync();
        var before = await ArticleAsStoredAsync(id);

        using var response = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set(field, value).Set("Title", SeedFacts.Title + " (edited)"));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, page.FieldError(field));
        Assert.Contains(message, page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        // The form comes back with the rest of what was typed, and still saves this publication, not a new one.
        Assert.Equal(SeedFacts.Title + " (edited)", page.QuerySelector("#field-Title")!.GetAttribute("value"));
        Assert.Equal($"/admin/publications/{id}/edit", page.QuerySelector(PublicationForms.FormSelector)!.GetAttribute("action"));
        Assert.Equal(before, await ArticleAsStoredAsync(id));
        using var article = await portal.CreateReader().GetAsync(new Uri(SeedFacts.ArticleUrl, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
    }

    [Fact]
    public async Task A_bad_value_on_a_new_publication_creates_nothing()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var before = await portal.WithDatabaseAsync(db => db.Publications.CountAsync(Cancel));
        var form = FormFields.Of(await staff.GetPageAsync("/admin/publications/new"), PublicationForms.FormSelector)
            .Set("Title", "Never saved").Set("Synopsis", "S").Set("Body", "B").Set("PublishedOn", "2026-01-01").Set("Status", "Publishd");

        using var response = await staff.PostFormAsync("/admin/publications/new", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("“Publishd” is not a valid status.", (await response.ReadPageAsync()).FieldError("Status"));
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.Publications.CountAsync(Cancel)));
    }

    [Theory]
    [InlineData("TargetKind", "Bogus", "“Bogus” is not a valid choice of what the entry opens.")]
    [InlineData("TargetKind", "99", "“99” is not a valid choice of what the entry opens.")]
    [InlineData("ParentId", "top", "“top” is not a valid place in the menu.")]
    [InlineData("SeriesId", "x", "“x” is not a valid series.")]
    [InlineData("PageId", "x", "“x” is not a valid content page.")]
    [InlineData("IsVisible", "maybe", "“maybe” is not a valid answer for “Shown to readers”.")]
    public async Task A_bad_value_on_the_menu_entry_form_is_refused_beside_its_field_and_no_entry_is_made(string field, string value, string message)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var before = await portal.WithDatabaseAsync(db => db.MenuItems.CountAsync(Cancel));
        var form = FormFields.Of(await staff.GetPageAsync("/admin/menu/new"), "#menu-entry-form")
            .Set("Title", "Never added").Set("TargetKind", "External").Set("Url", "https://example.org/").Set(field, value);

        using var response = await staff.PostFormAsync("/admin/menu/new", form);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal("Never added", page.QuerySelector("#field-Title")!.GetAttribute("value"));
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.MenuItems.CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_bad_value_on_a_seeded_menu_entry_is_refused_and_its_form_still_edits_that_entry()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var entry = await portal.WithDatabaseAsync(db => db.MenuItems.OrderBy(m => m.Id).Select(m => new { m.Id, m.Title, m.TargetKind }).FirstAsync(Cancel));
        var form = FormFields.Of(await staff.GetPageAsync($"/admin/menu/{entry.Id}/edit"), "#menu-entry-form").Set("TargetKind", "Bogus");

        using var response = await staff.PostFormAsync($"/admin/menu/{entry.Id}/edit", form);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("“Bogus” is not a valid choice of what the entry opens.", page.FieldError("TargetKind"));
        Assert.Equal($"/admin/menu/{entry.Id}/edit", page.QuerySelector("#menu-entry-form")!.GetAttribute("action"));
        Assert.Equal(entry, await portal.WithDatabaseAsync(db => db.MenuItems.Where(m => m.Id == entry.Id).Select(m => new { m.Id, m.Title, m.TargetKind }).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task A_delete_confirmation_with_a_bad_version_deletes_nothing_and_shows_the_same_confirmation()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateItemAsync("authors", f => f.Set("Name", "Kept Author " + Guid.NewGuid().ToString("N")[..6]));
        var name = await portal.WithDatabaseAsync(db => db.Authors.Where(a => a.Id == id).Select(a => a.Name).SingleAsync(Cancel));
        var confirmation = FormFields.Of(await staff.GetPageAsync($"/admin/authors/{id}/delete"), $"form[action='/admin/authors/{id}/delete']")
            .Set("ConcurrencyToken", "yesterday");

        using var response = await staff.PostFormAsync($"/admin/authors/{id}/delete", confirmation);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"Delete {name}?", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("“yesterday” is not a valid concurrency token.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await portal.WithDatabaseAsync(db => db.Authors.AnyAsync(a => a.Id == id, Cancel)));
    }

    [Theory]
    [InlineData("Group", "Bogus")]
    [InlineData("Group", "7")]
    public async Task A_bad_group_on_the_series_form_is_refused_beside_the_field(string field, string value)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var before = await portal.WithDatabaseAsync(db => db.Series.CountAsync(Cancel));

        using var response = await staff.PostNewItemAsync("series", f => f.Set("Name", "Never a series").Set(field, value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"“{value}” is not a valid group.", (await response.ReadPageAsync()).FieldError(field));
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.Series.CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_bad_yes_or_no_on_the_page_form_is_refused_beside_the_field()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var before = await portal.WithDatabaseAsync(db => db.Pages.CountAsync(Cancel));

        using var response = await staff.PostNewItemAsync("pages", f => f.Set("Title", "Never a page").Set("Body", "Text").Set("ShowsContactDetails", "maybe"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("“maybe” is not a valid answer for showing the address and contact links.",
            (await response.ReadPageAsync()).FieldError("ShowsContactDetails"));
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.Pages.CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_bad_version_on_the_settings_form_saves_none_of_its_text()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var tagline = await portal.WithDatabaseAsync(db => db.SiteSettings.Select(s => s.Tagline).SingleAsync(Cancel));
        var form = FormFields.Of(await staff.GetPageAsync("/admin/settings"), "#settings-form")
            .Set("Tagline", "Never saved").Set("ConcurrencyToken", "not-a-guid");

        using var response = await staff.PostFormAsync("/admin/settings", form);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("“not-a-guid” is not a valid concurrency token.", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tagline, await portal.WithDatabaseAsync(db => db.SiteSettings.Select(s => s.Tagline).SingleAsync(Cancel)));
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("42")]
    public async Task A_footer_link_for_a_group_that_does_not_exist_is_refused_and_not_added(string group)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var before = await portal.WithDatabaseAsync(db => db.SiteLinks.CountAsync(Cancel));
        var form = FormFields.Of(await staff.GetPageAsync("/admin/settings/links/new?group=Legal"), "#link-form")
            .Set("Title", "Never added").Set("Url", "https://example.org/").Set("Group", group);

        using var response = await staff.PostFormAsync("/admin/settings/links/new", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The group is a hidden field on this form, so its message stands where the summary links to.
        Assert.Equal($"“{group}” is not a valid group.", (await response.ReadPageAsync()).QuerySelector("#field-Group")?.TextContent.Trim());
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.SiteLinks.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Moving_a_footer_link_sideways_is_refused_and_moves_nothing()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var order = await portal.WithDatabaseAsync(db => db.SiteLinks.OrderBy(l => l.Id).Select(l => l.SortOrder).ToListAsync(Cancel));
        var settings = await staff.GetPageAsync("/admin/settings");
        var move = settings.QuerySelector("form[data-move='down']")!;
        var form = FormFields.Of(settings, $"form[action='{move.GetAttribute("action")}'][data-move='down']").Set("Direction", "Sideways");

        using var response = await staff.PostFormAsync(move.GetAttribute("action")!, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("“Sideways” is not a valid direction.", (await response.ReadPageAsync()).QuerySelector(".admin-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(order, await portal.WithDatabaseAsync(db => db.SiteLinks.OrderBy(l => l.Id).Select(l => l.SortOrder).ToListAsync(Cancel)));
    }

    [Fact]
    public async Task A_role_that_does_not_exist_is_refused_beside_the_field_and_the_role_stays()
    {
        var (administrator, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var editor = await portal.CreateStaffAsync(StaffRoles.Editor);
        var id = await portal.WithDatabaseAsync(db => db.Users.Where(u => u.Email == editor.Email).Select(u => u.Id).SingleAsync(Cancel));

        using var response = await administrator.SendAccountFormAsync(id, "#role-form", "role", f => f.Set("Role", "Owner"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Choose Editor or Administrator.", (await response.ReadPageAsync()).FieldError("Role"));
        Assert.Equal([StaffRoles.Editor], await portal.RolesAsync(editor.Email));
    }

    [Fact]
    public async Task A_status_that_does_not_exist_in_the_publications_list_address_gets_the_400_page()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        var page = await staff.GetPageAsync("/admin/publications?status=7", HttpStatusCode.BadRequest);

        Assert.Contains("“7” is not a valid status.", page.QuerySelector(".status-problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rating_that_is_not_a_number_is_refused_in_the_feedback_and_nothing_is_stored()
    {
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();
        var before = await portal.WithDatabaseAsync(db => db.Feedback.CountAsync(Cancel));

        using var response = await visitor.PostFeedbackAsync(token, [FeedbackSending.Field("Rating", "Bogus"), FeedbackSending.Field("Liked", "Everything")]);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Choose a rating", problem.GetProperty("errors").GetProperty("Rating")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.Feedback.CountAsync(Cancel)));
    }
}
