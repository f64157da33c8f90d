using System.Net;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>
/// Staff keep the categories. A category is a label: deleting one in use takes it off its publications (the
/// confirmation lists them) rather than refusing.
/// </summary>
public sealed class CategoriesAdminTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string Area = "categories";

    [Fact]
    public async Task A_new_category_has_a_page_and_a_rename_shows_at_once_on_its_articles_with_the_old_address_moving()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateItemAsync(Area, f => f.Set("Name", "Maritime Security"));
        (await portal.CreateReader().GetPageAsync("/categories/maritime-security")).Dispose();
        var publicationId = await staff.CreatePublicationAsync("Piracy in the Straits", status: "Published",
            change: f => f.Set("CategoryIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var article = await staff.PublicAddressAsync(publicationId);
        var reader = portal.CreateReader();
        Assert.Contains("Maritime Security", (await reader.GetPageAsync(article)).QuerySelector(".article-categories")!.TextContent, StringComparison.Ordinal);

        using var saved = await staff.SaveItemAsync(Area, id, (await staff.ItemFormAsync(Area, id)).Set("Name", "Maritime Affairs").Set("Slug", "maritime-affairs"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Maritime Affairs", (await reader.GetPageAsync(article)).QuerySelector(".article-categories")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Maritime Affairs", (await reader.GetPageAsync("/categories/maritime-affairs")).QuerySelector("h1")!.TextContent.Trim());
        using var old = await reader.GetAsync(new Uri("/categories/maritime-security", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/categories/maritime-affairs", old.Location());
    }

    [Fact]
    public async Task Deleting_a_category_in_use_takes_it_off_its_publications_after_saying_so_and_its_page_answers_not_found()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var id = await staff.CreateItemAsync(Area, f => f.Set("Name", "Cyber Security"));
        var publicationId = await staff.CreatePublicationAsync("Cyber Norms in ASEAN", status: "Published",
            change: f => f.Set("CategoryIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var article = await staff.PublicAddressAsync(publicationId);
        (await portal.CreateReader().GetPageAsync(article)).Dispose();

        var confirmation = await staff.GetPageAsync($"/admin/categories/{id}/delete");
        using var deleted = await staff.ConfirmDeleteAsync(Area, id);

        Assert.Contains("It will be taken off 1 publication", confirmation.QuerySelector("main")!.TextContent.Squash(), StringComparison.Ordinal);
        Assert.Equal($"/admin/publications/{publicationId}/edit", confirmation.QuerySelector(".admin-used-by a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        (await portal.CreateReader().GetPageAsync("/categories/cyber-security", HttpStatusCode.NotFound)).Dispose();
        var articlePage = await portal.CreateReader().GetPageAsync(article);
        Assert.Null(articlePage.QuerySelector(".article-categories"));
        var history = (await staff.GetPageAsync($"/admin/publications/{publicationId}/edit")).QuerySelector(".admin-history")!.TextContent.Squash();
        Assert.Contains("Categories: Cyber Security", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_address_empty_or_huge_names_are_refused_beside_the_field_and_unknown_ids_get_404()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var taken = await staff.PostNewItemAsync(Area, f => f.Set("Name", "RSIS Commentary Series"));
        using var empty = await staff.PostNewItemAsync(Area, f => f.Set("Name", ""));
        using var huge = await staff.PostNewItemAsync(Area, f => f.Set("Name", new string('n', 10_000)));

        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal("Another category already has the address /categories/rsis-commentary-series. Choose another.", (await taken.ReadPageAsync()).FieldError("Slug"));
        Assert.Equal("Enter the category’s name.", (await empty.ReadPageAsync()).FieldError("Name"));
        Assert.Equal("A name can be at most 200 characters.", (await huge.ReadPageAsync()).FieldError("Name"));
        (await staff.GetPageAsync("/admin/categories/999999/edit", HttpStatusCode.NotFound)).Dispose();
        (await staff.GetPageAsync("/admin/categories/999999/delete", HttpStatusCode.NotFound)).Dispose();
    }

    [Fact]
    public async Task A_delete_confirmed_from_a_stale_page_is_refused_and_the_category_stays()
    {
        var (alice, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var (bob, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await alice.CreateItemAsync(Area, f => f.Set("Name", "Terrorism Studies"));
        var confirmation = await bob.GetPageAsync($"/admin/categories/{id}/delete");
        (await alice.SaveItemAsync(Area, id, (await alice.ItemFormAsync(Area, id)).Set("Name", "Terrorism Research"))).Dispose();

        using var delete = await bob.PostFormAsync($"/admin/categories/{id}/delete", FormFields.Of(confirmation, $"form[action='/admin/categories/{id}/delete']"));

        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Contains("Not deleted.", (await delete.ReadPageAsync()).QuerySelector(".admin-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Terrorism Research", (await portal.CreateReader().GetPageAsync("/categories/terrorism-studies")).QuerySelector("h1")!.TextContent.Trim());
    }
}
