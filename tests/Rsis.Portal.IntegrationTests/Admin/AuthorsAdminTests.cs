using System.Net;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>Staff keep the authors: what readers see follows at once, and nothing in use is lost.</summary>
public sealed class AuthorsAdminTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string Area = "authors";

    [Fact]
    public async Task A_new_author_gets_a_page_with_an_address_made_from_the_name_and_the_list_finds_them()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        var id = await staff.CreateItemAsync(Area, f => f.Set("Name", "Tan See Seng").Set("ShortTitle", "Professor of International Relations")
            .Set("Biography", "Tan See Seng is *Professor* at RSIS."));

        var page = await portal.CreateReader().GetPageAsync("/authors/tan-see-seng");
        Assert.Equal("Tan See Seng", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Professor of International Relations", page.QuerySelector(".lead")!.TextContent.Trim());
        Assert.Equal("Professor", page.QuerySelector(".author-biography em")!.TextContent);
        var list = await staff.GetPageAsync("/admin/authors?q=see+seng");
        Assert.Equal("1 author", list.QuerySelector(".admin-count")!.TextContent.Trim());
        Assert.Equal($"/admin/authors/{id}/edit", list.QuerySelector(".admin-table tbody a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_renamed_author_shows_at_once_on_the_article_and_their_page_and_the_old_address_moves_permanently()
    {
        var (staff, staffMember) = await portal.SignedInAsync(StaffRoles.Administrator);
        var authorId = await staff.CreateItemAsync(Area, f => f.Set("Name", "Joseph Liow"));
        var publicationId = await staff.CreatePublicationAsync("The South China Sea after the Ruling", status: "Published",
            change: f => f.Set("AuthorIds", authorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var article = await staff.PublicAddressAsync(publicationId);
        var reader = portal.CreateReader();
        Assert.Contains("Joseph Liow", (await reader.GetPageAsync(article)).Body!.TextContent, StringComparison.Ordinal);
        (await reader.GetPageAsync("/authors/joseph-liow")).Dispose();

        using var saved = await staff.SaveItemAsync(Area, authorId, (await staff.ItemFormAsync(Area, authorId))
            .Set("Name", "Joseph Chinyong Liow").Set("Slug", ""));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var articleNow = (await reader.GetPageAsync(article)).Body!.TextContent;
        Assert.Contains("Joseph Chinyong Liow", articleNow, StringComparison.Ordinal);
        Assert.Equal("Joseph Chinyong Liow", (await reader.GetPageAsync("/authors/joseph-chinyong-liow")).QuerySelector("h1")!.TextContent.Trim());
        using var old = await reader.GetAsync(new Uri("/authors/joseph-liow?page=1", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/authors/joseph-chinyong-liow?page=1", old.Location());
        using var oldFeed = await reader.GetAsync(new Uri("/feeds/authors/joseph-liow.atom", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, oldFeed.StatusCode);
        Assert.Equal("/feeds/authors/joseph-chinyong-liow.atom", oldFeed.Location());
        var audit = (await staff.GetPageAsync("/admin/audit")).QuerySelector(".admin-table tbody tr")!;
        Assert.Contains(staffMember.Email, audit.TextContent, StringComparison.Ordinal);
        Assert.Contains("Updated author Joseph Chinyong Liow", audit.TextContent.Squash(), StringComparison.Ordinal);
        Assert.Equal(["Joseph Liow", "joseph-liow"], audit.QuerySelectorAll("del").Select(d => d.TextContent));
        Assert.Equal(["Joseph Chinyong Liow", "joseph-chinyong-liow"], audit.QuerySelectorAll("ins").Select(d => d.TextContent));
    }

    [Fact]
    public async Task An_author_still_in_a_byline_cannot_be_deleted_and_the_page_says_which_publication()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var id = await portal.WithDatabaseAsync(db => db.Authors.Where(a => a.Slug == "c-raja-mohan").Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken));
        var publicationId = await portal.WithDatabaseAsync(db => db.Publications.Where(p => p.Code == SeedFacts.Code).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken));

        var confirmation = await staff.GetPageAsync($"/admin/authors/{id}/delete");
        using var refused = await staff.DeleteItemAsync(Area, id, await staff.ItemFormAsync(Area, id));
        var page = await refused.ReadPageAsync();

        Assert.Null(confirmation.QuerySelector($"form[action='/admin/authors/{id}/delete']"));
        Assert.Equal($"/admin/publications/{publicationId}/edit", confirmation.QuerySelector($".admin-used-by a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Not deleted. C. Raja Mohan is the author of 1 publication (CO13046); remove them from it first.",
            page.QuerySelector(".admin-conflict")!.TextContent.Squash(), StringComparison.Ordinal);
        Assert.Equal("CO13046", page.QuerySelector(".admin-used-by a")!.TextContent);
        Assert.Equal(SeedFacts.Author, (await portal.CreateReader().GetPageAsync(SeedFacts.AuthorUrl)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Deleting_an_unused_author_after_confirming_makes_their_page_answer_not_found()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateItemAsync(Area, f => f.Set("Name", "Kwa Chong Guan"));
        (await portal.CreateReader().GetPageAsync("/authors/kwa-chong-guan")).Dispose();

        using var deleted = await staff.ConfirmDeleteAsync(Area, id);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("Kwa Chong Guan has been deleted.", (await staff.GetPageAsync(deleted.Location())).QuerySelector(".admin-notice")!.TextContent, StringComparison.Ordinal);
        (await portal.CreateReader().GetPageAsync("/authors/kwa-chong-guan", HttpStatusCode.NotFound)).Dispose();
        (await staff.GetPageAsync($"/admin/authors/{id}/edit", HttpStatusCode.NotFound)).Dispose();
    }

    [Fact]
    public async Task An_address_another_author_has_is_refused_beside_the_field_with_what_was_typed_kept()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var response = await staff.PostNewItemAsync(Area, f => f.Set("Name", "Another Raja Mohan").Set("Slug", "C Raja Mohan").Set("ShortTitle", "Visiting fellow"));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Another author already has the address /authors/c-raja-mohan. Choose another.", page.FieldError("Slug"));
        Assert.Equal("true", page.QuerySelector("#field-Slug")!.GetAttribute("aria-invalid"));
        Assert.Equal("error-Slug", page.QuerySelector("#field-Slug")!.GetAttribute("aria-describedby")!.Split(' ')[^1]);
        Assert.Equal("Another Raja Mohan", page.QuerySelector("#field-Name")!.GetAttribute("value"));
        Assert.Equal("Visiting fellow", page.QuerySelector("#field-ShortTitle")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_later_of_two_edits_from_the_same_version_is_refused_and_the_first_survives()
    {
        var (alice, aliceStaff) = await portal.SignedInAsync(StaffRoles.Editor);
        var (bob, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await alice.CreateItemAsync(Area, f => f.Set("Name", "Barry Desker"));
        var alicesForm = await alice.ItemFormAsync(Area, id);
        var bobsForm = await bob.ItemFormAsync(Area, id);

        using var first = await alice.SaveItemAsync(Area, id, alicesForm.Set("ShortTitle", "Distinguished Fellow"));
        using var second = await bob.SaveItemAsync(Area, id, bobsForm.Set("ShortTitle", "Ambassador"));
        var refused = await second.ReadPageAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var message = refused.QuerySelector(".admin-conflict")!.TextContent.Squash();
        Assert.Contains($"This author was changed by {aliceStaff.Email}", message, StringComparison.Ordinal);
        Assert.Contains("Your changes have not been saved; they are still in the form.", message, StringComparison.Ordinal);
        Assert.Equal("Ambassador", refused.QuerySelector("#field-ShortTitle")!.GetAttribute("value"));
        Assert.Equal("Distinguished Fellow", (await portal.CreateReader().GetPageAsync("/authors/barry-desker")).QuerySelector(".lead")!.TextContent.Trim());
    }

    [Fact]
    public async Task Bad_input_gets_a_message_beside_the_field_and_unknown_ids_get_404()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var empty = await staff.PostNewItemAsync(Area, f => f.Set("Name", "  "));
        using var huge = await staff.PostNewItemAsync(Area, f => f.Set("Name", new string('x', 10_000)).Set("Biography", new string('y', 30_000)));
        using var noLetters = await staff.PostNewItemAsync(Area, f => f.Set("Name", "¡¿!?"));
        using var noToken = await staff.SaveItemAsync(Area, 1, (await staff.ItemFormAsync(Area, 1)).Set("ConcurrencyToken", "").Set("Name", "Not Saved"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Enter the author’s name.", (await empty.ReadPageAsync()).FieldError("Name"));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        var hugePage = await huge.ReadPageAsync();
        Assert.Equal("A name can be at most 200 characters.", hugePage.FieldError("Name"));
        Assert.Equal("A biography can be at most 20,000 characters.", hugePage.FieldError("Biography"));
        Assert.Equal("Enter an address with letters or digits, such as c-raja-mohan.", (await noLetters.ReadPageAsync()).FieldError("Slug"));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("Not saved.", (await noToken.ReadPageAsync()).QuerySelector(".admin-conflict")!.TextContent, StringComparison.Ordinal);
        foreach (var url in new[] { "/admin/authors/999999/edit", "/admin/authors/999999/delete" })
        {
            (await staff.GetPageAsync(url, HttpStatusCode.NotFound)).Dispose();
        }

        using var deleteUnknown = await staff.DeleteItemAsync(Area, 999999, await staff.ItemFormAsync(Area, 1));
        Assert.Equal(HttpStatusCode.NotFound, deleteUnknown.StatusCode);
        Assert.Equal(SeedFacts.Author, await portal.WithDatabaseAsync(db => db.Authors.Where(a => a.Id == 1).Select(a => a.Name).SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Markup_in_a_name_is_shown_as_text_and_script_in_a_biography_never_reaches_readers()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        await staff.CreateItemAsync(Area, f => f.Set("Name", "<b>Bold</b> & Co").Set("Slug", "bold-and-co")
            .Set("Biography", "Fine.\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1))"));

        using var response = await portal.CreateReader().GetAsync(new Uri("/authors/bold-and-co", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await PageReading.ParseAsync(html);
        Assert.Equal("<b>Bold</b> & Co", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("h1 b"));
        Assert.DoesNotContain("alert(", html, StringComparison.Ordinal);
        using var list = await staff.GetAsync(new Uri("/admin/authors?q=bold", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("&lt;b&gt;Bold&lt;/b&gt;", await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
