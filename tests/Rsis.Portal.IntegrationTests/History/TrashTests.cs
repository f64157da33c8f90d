using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Application.Trash.PurgeTrash;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.History;

/// <summary>
/// A deleted publication or page waits in the Trash for 30 days: its address answers 410 Gone, staff can bring it
/// back with its versions, and then it is purged and its address answers 404.
/// </summary>
public sealed class TrashTests(FakeClockPortal portal) : IClassFixture<FakeClockPortal>
{
    [Fact]
    public async Task A_deleted_publication_answers_410_and_restoring_it_from_the_trash_brings_it_back_with_its_versions()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var (authorId, categoryId) = await portal.WithDatabaseAsync(async db => (
            await db.Authors.Where(a => a.Slug == "c-raja-mohan").Select(a => a.Id).SingleAsync(),
            await db.Categories.Where(c => c.Slug == "rsis-commentary-series").Select(c => c.Id).SingleAsync()));
        var id = await staff.CreatePublicationAsync("Harbour Pilots of Penang", status: "Published",
            change: f => f.Set("AuthorIds", $"{authorId}", "", "").Set("CategoryIds", $"{categoryId}"));
        using (await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Synopsis", "A second synopsis.")))
        {
        }

        var address = await staff.PublicAddressAsync(id);
        var reader = portal.CreateReader();
        (await reader.GetPageAsync(address)).Dispose();
        Assert.Contains("Harbour Pilots", (await reader.GetPageAsync(SeedFacts.AuthorUrl)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Harbour Pilots", (await reader.GetPageAsync(SeedFacts.CategoryUrl)).Body!.TextContent, StringComparison.Ordinal);

        using (var deleted = await staff.ConfirmDeleteAsync("publications", id))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var gone = await reader.GetPageAsync(address, HttpStatusCode.Gone);
        Assert.Equal("Page removed", gone.QuerySelector("h1")!.TextContent.Trim());
        (await reader.GetPageAsync(address + ".pdf", HttpStatusCode.Gone)).Dispose();
        Assert.DoesNotContain("Harbour Pilots", (await reader.GetPageAsync(SeedFacts.SeriesUrl)).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour Pilots", (await reader.GetPageAsync(SeedFacts.AuthorUrl)).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour Pilots", (await reader.GetPageAsync(SeedFacts.CategoryUrl)).Body!.TextContent, StringComparison.Ordinal);
        (await staff.GetPageAsync($"/admin/publications/{id}/edit", HttpStatusCode.NotFound)).Dispose();

        var trash = await staff.GetPageAsync("/admin/trash");
        var row = trash.QuerySelectorAll(".admin-table tbody tr").Single(r => r.TextContent.Contains("Harbour Pilots of Penang", StringComparison.Ordinal));
        Assert.Contains("31 Dec 2026", row.TextContent, StringComparison.Ordinal);
        using (var restored = await staff.PostFormAsync($"/admin/trash/publications/{id}/restore",
            FormFields.Of(trash, $"form[action='/admin/trash/publications/{id}/restore']")))
        {
            Assert.Equal($"/admin/publications/{id}/edit?saved=restored", restored.Location());
        }

        Assert.EndsWith("| Harbour Pilots of Penang", (await reader.GetPageAsync(address)).QuerySelector("h1")!.TextContent.Squash(), StringComparison.Ordinal);
        Assert.Equal(2, (await staff.GetPageAsync($"/admin/publications/{id}/history")).QuerySelectorAll(".admin-table tbody tr").Length);
        Assert.Null((await staff.GetPageAsync("/admin/trash")).QuerySelector($"form[action='/admin/trash/publications/{id}/restore']"));
    }

    [Fact]
    public async Task A_publication_in_the_trash_is_neither_found_nor_counted_by_search_until_it_is_restored()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Quillwort Surveys of Pulau Ubin", status: "Published");
        var reader = portal.CreateReader();
        const string Search = "/search?q=quillwort";
        Assert.Single((await reader.GetPageAsync(Search)).QuerySelectorAll(".publication-item"));

        (await staff.ConfirmDeleteAsync("publications", id)).Dispose();

        var afterDelete = await reader.GetPageAsync(Search);
        Assert.Empty(afterDelete.QuerySelectorAll(".publication-item"));
        Assert.StartsWith("0 publications match", afterDelete.QuerySelector(".search-results [role=status]")!.TextContent.Squash(), StringComparison.Ordinal);

        var trash = await staff.GetPageAsync("/admin/trash");
        (await staff.PostFormAsync($"/admin/trash/publications/{id}/restore",
            FormFields.Of(trash, $"form[action='/admin/trash/publications/{id}/restore']"))).Dispose();

        var afterRestore = await reader.GetPageAsync(Search);
        Assert.Single(afterRestore.QuerySelectorAll(".publication-item"));
        Assert.StartsWith("1 publication matches", afterRestore.QuerySelector(".search-results [role=status]")!.TextContent.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_author_whose_only_publication_is_in_the_trash_cannot_be_deleted_and_the_refusal_says_where_it_is()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var author = await staff.CreateItemAsync("authors", f => f.Set("Name", "Nurul Trashwell"));
        var publication = await staff.CreatePublicationAsync("Lighthouses of the Strait",
            change: f => f.Set("AuthorIds", author.ToString(System.Globalization.CultureInfo.InvariantCulture), "", ""));
        var code = (await staff.EditFormAsync(publication)).Values.Single(v => v.Key == "Code").Value;
        (await staff.ConfirmDeleteAsync("publications", publication)).Dispose();

        using var refused = await staff.ConfirmDeleteAsync("authors", author);
        var message = (await refused.ReadPageAsync()).QuerySelector(".admin-conflict")!.TextContent.Squash();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"Nurul Trashwell is the author of 1 publication ({code} in the Trash)", message, StringComparison.Ordinal);
        Assert.Contains("restore it from the Trash to change it", message, StringComparison.Ordinal);
        (await staff.GetPageAsync($"/admin/authors/{author}/edit")).Dispose();
    }

    [Fact]
    public async Task A_deleted_page_is_purged_after_thirty_days_and_its_address_then_answers_404()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateItemAsync("pages", f => f.Set("Title", "Visiting Hours of the Library"));
        var reader = portal.CreateReader();
        (await reader.GetPageAsync("/visiting-hours-of-the-library")).Dispose();
        using (await staff.ConfirmDeleteAsync("pages", id))
        {
        }

        (await reader.GetPageAsync("/visiting-hours-of-the-library", HttpStatusCode.Gone)).Dispose();
        // The address stays taken while the page may come back.
        using (var taken = await staff.PostNewItemAsync("pages", f => f.Set("Title", "Visiting Hours of the Library")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        }

        portal.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await PurgeAsync());
        (await reader.GetPageAsync("/visiting-hours-of-the-library", HttpStatusCode.Gone)).Dispose();

        // The background job purges on its own timer too; whichever gets there first, the page is gone for good.
        portal.Clock.Advance(TimeSpan.FromDays(1));
        await PurgeAsync();
        (await reader.GetPageAsync("/visiting-hours-of-the-library", HttpStatusCode.NotFound)).Dispose();
        var (later, _) = await portal.SignedInAsync(StaffRoles.Editor);
        Assert.DoesNotContain("Visiting Hours of the Library", (await later.GetPageAsync("/admin/trash")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => Task.FromResult(db.Revisions.Count(r => r.EntityType == "Page" && r.EntityId == id))));
    }

    private Task<int> PurgeAsync() =>
        portal.WithServiceAsync<ISender, int>(async sender => await sender.Send(new PurgeTrash(), TestContext.Current.CancellationToken));
}
