using System.Net;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>Two members of staff editing the same publication: nobody's save is lost without them knowing.</summary>
public sealed class PublicationConcurrencyTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    [Fact]
    public async Task The_later_of_two_edits_from_the_same_version_is_refused_with_a_message_and_the_first_survives()
    {
        var (alice, aliceStaff) = await portal.SignedInAsync(StaffRoles.Editor);
        var (bob, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await alice.CreatePublicationAsync("Energy Security in Southeast Asia", status: "Published");
        var address = await alice.PublicAddressAsync(id);
        var alicesForm = await alice.EditFormAsync(id);
        var bobsForm = await bob.EditFormAsync(id);
        Assert.Equal(alicesForm["ConcurrencyToken"], bobsForm["ConcurrencyToken"]);

        using var first = await alice.SaveAsync(id, alicesForm.Set("Synopsis", "Alice's synopsis"));
        using var second = await bob.SaveAsync(id, bobsForm.Set("Synopsis", "Bob's synopsis").Set("Title", "Bob's retitled piece"));
        var refused = await second.ReadPageAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var message = refused.QuerySelector(".admin-conflict")!.TextContent.Squash();
        Assert.Contains($"was changed by {aliceStaff.Email}", message, StringComparison.Ordinal);
        Assert.Contains("Your changes have not been saved; they are still in the form.", message, StringComparison.Ordinal);
        // Bob's typing is still there for him.
        Assert.Equal("Bob's synopsis", refused.QuerySelector("#field-Synopsis")!.TextContent);
        Assert.Equal("Bob's retitled piece", refused.QuerySelector("#field-Title")!.GetAttribute("value"));
        // Alice's save is what readers see.
        var article = await portal.CreateReader().GetPageAsync(address);
        Assert.Contains("Energy Security in Southeast Asia", article.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Alice's synopsis", article.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob's synopsis", article.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_refused_save_saving_again_knowingly_replaces_the_other_version()
    {
        var (alice, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var (bob, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await alice.CreatePublicationAsync("Water Diplomacy on the Mekong", status: "Published");
        var bobsForm = await bob.EditFormAsync(id);
        (await alice.SaveAsync(id, (await alice.EditFormAsync(id)).Set("Synopsis", "Alice was first"))).Dispose();
        using var refused = await bob.SaveAsync(id, bobsForm.Set("Synopsis", "Bob read the message and insists"));

        // The form that came back carries the current version: sending it again is a deliberate overwrite.
        using var again = await bob.SaveAsync(id, FormFields.Of(await refused.ReadPageAsync(), PublicationForms.FormSelector));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Bob read the message and insists", (await portal.CreateReader().GetPageAsync(await alice.PublicAddressAsync(id))).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delete_confirmed_from_a_stale_page_is_refused_and_the_publication_stays()
    {
        var (alice, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var (bob, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var id = await alice.CreatePublicationAsync("Food Security and Rice Prices", status: "Published");
        var confirm = await bob.GetPageAsync($"/admin/publications/{id}/delete");
        (await alice.SaveAsync(id, (await alice.EditFormAsync(id)).Set("Title", "Food Security and Rice Markets"))).Dispose();

        using var delete = await bob.PostFormAsync($"/admin/publications/{id}/delete", FormFields.Of(confirm, $"form[action='/admin/publications/{id}/delete']"));
        var page = await delete.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Contains("Not deleted.", page.QuerySelector(".admin-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Food Security and Rice Markets", page.Body!.TextContent, StringComparison.Ordinal);
        using var stillThere = await portal.CreateReader().GetAsync(new Uri(await alice.PublicAddressAsync(id), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }
}
