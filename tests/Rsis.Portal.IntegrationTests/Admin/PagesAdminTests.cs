using System.Net;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>Staff write content pages at /{slug}: readers see a save at once, and the site's own addresses stay its own.</summary>
public sealed class PagesAdminTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string Area = "pages";

    [Fact]
    public async Task A_new_page_is_public_at_once_and_an_edit_shows_at_once_with_the_old_address_moving()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateItemAsync(Area, f => f.Set("Title", "Visiting Fellowships").Set("Body", "Apply by **March**.").Set("ShowsContactDetails", "true"));
        var reader = portal.CreateReader();
        var page = await reader.GetPageAsync("/visiting-fellowships");
        Assert.Equal("Visiting Fellowships", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("March", page.QuerySelector(".page-body strong")!.TextContent);
        Assert.NotNull(page.QuerySelector(".contact-details"));

        using var saved = await staff.SaveItemAsync(Area, id, (await staff.ItemFormAsync(Area, id))
            .Set("Body", "Apply by **April**.").Set("Slug", "fellowships").Without("ShowsContactDetails"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var now = await reader.GetPageAsync("/fellowships");
        Assert.Equal("April", now.QuerySelector(".page-body strong")!.TextContent);
        Assert.Null(now.QuerySelector(".contact-details"));
        using var old = await reader.GetAsync(new Uri("/visiting-fellowships", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/fellowships", old.Location());
    }

    [Fact]
    public async Task An_edit_to_a_page_readers_already_opened_shows_at_once()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await portal.WithDatabaseAsync(db => db.Pages.Where(p => p.Slug == "privacy-statement").Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken));
        var reader = portal.CreateReader();
        (await reader.GetPageAsync("/privacy-statement")).Dispose();

        (await staff.SaveItemAsync(Area, id, (await staff.ItemFormAsync(Area, id)).Set("Title", "Privacy Statement (revised)"))).Dispose();

        Assert.Equal("Privacy Statement (revised)", (await reader.GetPageAsync("/privacy-statement")).QuerySelector("h1")!.TextContent.Trim());
        Assert.True(await portal.WithDatabaseAsync(db => db.Pages.Where(p => p.Id == id).Select(p => p.UpdatedAtUtc).SingleAsync(TestContext.Current.CancellationToken)) > DateTime.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task A_page_the_menu_opens_cannot_be_deleted_and_the_refusal_names_the_menu_entry()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var id = await portal.WithDatabaseAsync(db => db.Pages.Where(p => p.Slug == "getting-to-rsis").Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken));

        var confirmation = await staff.GetPageAsync($"/admin/pages/{id}/delete");
        using var refused = await staff.DeleteItemAsync(Area, id, await staff.ItemFormAsync(Area, id));

        Assert.Null(confirmation.QuerySelector($"form[action='/admin/pages/{id}/delete']"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Not deleted. The menu entry “Getting to RSIS” opens this page; point it elsewhere or remove it under Menu first.",
            (await refused.ReadPageAsync()).QuerySelector(".admin-conflict")!.TextContent.Squash(), StringComparison.Ordinal);
        (await portal.CreateReader().GetPageAsync("/getting-to-rsis")).Dispose();
    }

    [Fact]
    public async Task Deleting_a_page_no_menu_entry_opens_moves_it_to_the_trash_and_its_address_answers_gone()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateItemAsync(Area, f => f.Set("Title", "Annual Lecture 2026").Set("Body", "Details soon."));
        (await portal.CreateReader().GetPageAsync("/annual-lecture-2026")).Dispose();

        using var deleted = await staff.ConfirmDeleteAsync(Area, id);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        (await portal.CreateReader().GetPageAsync("/annual-lecture-2026", HttpStatusCode.Gone)).Dispose();
    }

    [Theory]
    [InlineData("publications")]
    [InlineData("Search")]
    [InlineData("feeds")]
    [InlineData("admin")]
    [InlineData("authors")]
    [InlineData("categories")]
    [InlineData("feedback")]
    public async Task An_address_the_site_itself_answers_is_refused_beside_the_field(string slug)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var response = await staff.PostNewItemAsync(Area, f => f.Set("Title", "Clash").Set("Slug", slug).Set("Body", "Typed text"));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"/{slug.ToLowerInvariant()} is one of the site’s own addresses. Choose another.", page.FieldError("Slug"));
        Assert.Equal("Typed text", page.QuerySelector("#field-Body")!.TextContent);
    }

    [Fact]
    public async Task A_menu_section_address_or_another_pages_address_is_refused_and_so_are_empty_and_huge_titles()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var section = await staff.PostNewItemAsync(Area, f => f.Set("Title", "About RSIS"));
        using var taken = await staff.PostNewItemAsync(Area, f => f.Set("Title", "Contact Us"));
        using var empty = await staff.PostNewItemAsync(Area, f => f.Set("Title", ""));
        using var huge = await staff.PostNewItemAsync(Area, f => f.Set("Title", new string('t', 10_000)).Set("Slug", "huge"));

        Assert.Equal("The menu entry “About RSIS” has its own section page at /about-rsis. Choose another address.", (await section.ReadPageAsync()).FieldError("Slug"));
        Assert.Equal("Another page already has the address /contact-us. Choose another.", (await taken.ReadPageAsync()).FieldError("Slug"));
        Assert.Equal("Enter a title.", (await empty.ReadPageAsync()).FieldError("Title"));
        Assert.Equal("A title can be at most 200 characters.", (await huge.ReadPageAsync()).FieldError("Title"));
        (await staff.GetPageAsync("/admin/pages/999999/edit", HttpStatusCode.NotFound)).Dispose();
        (await portal.CreateReader().GetPageAsync("/about-rsis")).Dispose();
    }

    [Fact]
    public async Task Script_in_the_Markdown_is_stripped_on_the_public_page_and_markup_in_the_title_is_shown_as_text()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        await staff.CreateItemAsync(Area, f => f.Set("Title", "<i>Tricky</i> page").Set("Slug", "tricky")
            .Set("Body", "Safe text.\n\n<script>alert('x')</script>\n\n[bad](javascript:alert(1))\n\n<iframe srcdoc=\"<script>alert(2)</script>\"></iframe>\n\n<svg onload=\"alert(3)\"></svg>"));

        using var response = await portal.CreateReader().GetAsync(new Uri("/tricky", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await PageReading.ParseAsync(html);

        Assert.Equal("<i>Tricky</i> page", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Safe text.", page.QuerySelector(".page-body")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(", html, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".page-body script, .page-body iframe, .page-body svg"));
    }

    [Fact]
    public async Task The_later_of_two_edits_from_the_same_version_is_refused_and_the_first_survives()
    {
        var (alice, aliceStaff) = await portal.SignedInAsync(StaffRoles.Editor);
        var (bob, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await alice.CreateItemAsync(Area, f => f.Set("Title", "Library Hours").Set("Body", "Open daily."));
        var alicesForm = await alice.ItemFormAsync(Area, id);
        var bobsForm = await bob.ItemFormAsync(Area, id);

        (await alice.SaveItemAsync(Area, id, alicesForm.Set("Body", "Open on weekdays."))).Dispose();
        using var second = await bob.SaveItemAsync(Area, id, bobsForm.Set("Body", "Closed for renovation."));
        var refused = await second.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains($"This page was changed by {aliceStaff.Email}", refused.QuerySelector(".admin-conflict")!.TextContent.Squash(), StringComparison.Ordinal);
        Assert.Equal("Closed for renovation.", refused.QuerySelector("#field-Body")!.TextContent);
        Assert.Contains("Open on weekdays.", (await portal.CreateReader().GetPageAsync("/library-hours")).QuerySelector(".page-body")!.TextContent, StringComparison.Ordinal);
    }
}
