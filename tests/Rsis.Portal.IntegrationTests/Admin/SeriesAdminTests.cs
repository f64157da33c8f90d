using System.Net;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>Staff keep the series: listings, the sidebar and the menu follow at once; a series in use stays.</summary>
public sealed class SeriesAdminTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string Area = "series";

    [Fact]
    public async Task A_new_series_answers_saying_nothing_is_published_and_joins_the_sidebar_in_its_place_with_its_first_publication()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var reader = portal.CreateReader();
        static List<string> Sidebar(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll(".series-nav__link").Select(a => a.TextContent.Trim()).ToList();
        (await reader.GetPageAsync(SeedFacts.SeriesUrl)).Dispose();

        var id = await staff.CreateItemAsync(Area, f => f.Set("Name", "Maritime Briefs").Set("CodePrefix", "mb").Set("SortOrder", "0").Set("Description", "Short notes on the sea."));

        var listing = await reader.GetPageAsync("/publications/maritime-briefs");
        Assert.Contains("Maritime Briefs", listing.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No publications have been published in this series yet.", listing.QuerySelector("main .empty-state")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Maritime Briefs", Sidebar(await reader.GetPageAsync(SeedFacts.SeriesUrl)));
        Assert.DoesNotContain((await reader.GetPageAsync("/publications")).QuerySelectorAll("main li a"), a => a.TextContent.Trim() == "Maritime Briefs");
        Assert.DoesNotContain((await reader.GetPageAsync("/search?q=cyber")).QuerySelectorAll("main a"), a => a.TextContent.Contains("Maritime Briefs", StringComparison.Ordinal));

        await staff.CreatePublicationAsync("Charting the Straits", status: "Published",
            change: f => f.Set("SeriesId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Set("Code", "MB26001"));

        Assert.Equal("Maritime Briefs", Sidebar(await reader.GetPageAsync(SeedFacts.SeriesUrl))[0]);
        Assert.Contains((await reader.GetPageAsync("/publications")).QuerySelectorAll("main li a"), a => a.TextContent.Trim() == "Maritime Briefs");
        Assert.Contains("MB", (await staff.GetPageAsync("/admin/series")).QuerySelector(".admin-table tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_series_shows_at_once_in_the_sidebar_and_on_its_articles_and_the_old_listing_moves_permanently()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var id = await staff.CreateItemAsync(Area, f => f.Set("Name", "Policy Notes"));
        var publicationId = await staff.CreatePublicationAsync("Notes on Energy", status: "Published",
            change: f => f.Set("SeriesId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Set("Code", "PN26001"));
        var reader = portal.CreateReader();
        var article = await staff.PublicAddressAsync(publicationId);
        (await reader.GetPageAsync(article)).Dispose();
        (await reader.GetPageAsync(SeedFacts.SeriesUrl)).Dispose();

        using var saved = await staff.SaveItemAsync(Area, id, (await staff.ItemFormAsync(Area, id)).Set("Name", "Policy Briefs").Set("Slug", "policy-briefs"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Policy Briefs", (await reader.GetPageAsync(SeedFacts.SeriesUrl)).QuerySelector(".series-nav")!.TextContent, StringComparison.Ordinal);
        using var oldArticle = await reader.GetAsync(new Uri(article, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, oldArticle.StatusCode);
        Assert.Contains("Policy Briefs", (await reader.GetPageAsync(oldArticle.Location())).Body!.TextContent, StringComparison.Ordinal);
        using var oldListing = await reader.GetAsync(new Uri("/publications/policy-notes?year=2026", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, oldListing.StatusCode);
        Assert.Equal("/publications/policy-briefs?year=2026", oldListing.Location());
    }

    [Fact]
    public async Task A_series_with_publications_or_a_menu_entry_cannot_be_deleted_and_the_page_says_why()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var id = await portal.WithDatabaseAsync(db => db.Series.Where(s => s.Slug == "rsis-commentary-series").Select(s => s.Id).SingleAsync(TestContext.Current.CancellationToken));

        var confirmation = await staff.GetPageAsync($"/admin/series/{id}/delete");
        using var refused = await staff.DeleteItemAsync(Area, id, await staff.ItemFormAsync(Area, id));
        var message = (await refused.ReadPageAsync()).QuerySelector(".admin-conflict")!.TextContent.Squash();

        Assert.Null(confirmation.QuerySelector($"form[action='/admin/series/{id}/delete']"));
        Assert.Equal($"/admin/publications?seriesId={id}", confirmation.QuerySelector("main a[href^='/admin/publications?']")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("RSIS Commentary Series has 1 publication (CO13046); move them to another series or delete it first.", message, StringComparison.Ordinal);
        Assert.Contains("The menu entry “RSIS Commentary Series” opens this series", message, StringComparison.Ordinal);
        (await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl)).Dispose();
    }

    [Fact]
    public async Task Deleting_an_unused_series_makes_its_listing_answer_not_found()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateItemAsync(Area, f => f.Set("Name", "Occasional Papers"));
        (await portal.CreateReader().GetPageAsync("/publications/occasional-papers")).Dispose();

        using var deleted = await staff.ConfirmDeleteAsync(Area, id);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        (await portal.CreateReader().GetPageAsync("/publications/occasional-papers", HttpStatusCode.NotFound)).Dispose();
        Assert.DoesNotContain("Occasional Papers", (await portal.CreateReader().GetPageAsync(SeedFacts.SeriesUrl)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_address_or_code_prefix_and_a_position_that_is_not_a_number_are_refused_beside_their_fields()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var response = await staff.PostNewItemAsync(Area, f => f.Set("Name", "RSIS Commentary Series").Set("CodePrefix", "co").Set("SortOrder", "abc").Set("Description", "Kept"));
        using var badPrefix = await staff.PostNewItemAsync(Area, f => f.Set("Name", "Numbers").Set("CodePrefix", "C0").Set("SortOrder", "-5"));
        using var huge = await staff.PostNewItemAsync(Area, f => f.Set("Name", "Huge").Set("SortOrder", "99999999999999").Set("Description", new string('d', 10_000)));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Another series already has the address /publications/rsis-commentary-series. Choose another.", page.FieldError("Slug"));
        Assert.Equal("Another series already uses the code prefix CO.", page.FieldError("CodePrefix"));
        Assert.Equal("Enter the position as a whole number from 0 to 10,000.", page.FieldError("SortOrder"));
        Assert.Equal("abc", page.QuerySelector("#field-SortOrder")!.GetAttribute("value"));
        Assert.Equal("Kept", page.QuerySelector("#field-Description")!.TextContent);
        var badPrefixPage = await badPrefix.ReadPageAsync();
        Assert.Equal("A code prefix has only letters, such as CO.", badPrefixPage.FieldError("CodePrefix"));
        Assert.Equal("Enter the position as a whole number from 0 to 10,000.", badPrefixPage.FieldError("SortOrder"));
        var hugePage = await huge.ReadPageAsync();
        Assert.Equal("Enter the position as a whole number from 0 to 10,000.", hugePage.FieldError("SortOrder"));
        Assert.Equal("A description can be at most 4,000 characters.", hugePage.FieldError("Description"));
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Series.CountAsync(s => s.Name == "Numbers" || s.Name == "Huge", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task The_later_of_two_edits_from_the_same_version_is_refused_and_the_first_survives()
    {
        var (alice, aliceStaff) = await portal.SignedInAsync(StaffRoles.Editor);
        var (bob, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await alice.CreateItemAsync(Area, f => f.Set("Name", "Event Reports"));
        var alicesForm = await alice.ItemFormAsync(Area, id);
        var bobsForm = await bob.ItemFormAsync(Area, id);

        using var first = await alice.SaveItemAsync(Area, id, alicesForm.Set("Name", "Event Reports (Alice)"));
        using var second = await bob.SaveItemAsync(Area, id, bobsForm.Set("Name", "Event Reports (Bob)"));
        var refused = await second.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains($"This series was changed by {aliceStaff.Email}", refused.QuerySelector(".admin-conflict")!.TextContent.Squash(), StringComparison.Ordinal);
        Assert.Equal("Event Reports (Bob)", refused.QuerySelector("#field-Name")!.GetAttribute("value"));
        Assert.Contains("Event Reports (Alice)", (await portal.CreateReader().GetPageAsync("/publications/event-reports")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        (await bob.GetPageAsync("/admin/series/999999/edit", HttpStatusCode.NotFound)).Dispose();
    }
}
