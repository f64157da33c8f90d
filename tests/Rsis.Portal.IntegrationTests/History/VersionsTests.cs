using System.Net;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;

namespace Rsis.Portal.IntegrationTests.History;

/// <summary>Every save keeps a version: staff list them, compare any two, and bring one back, which readers see at once.</summary>
public sealed class VersionsTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    [Fact]
    public async Task Each_save_of_a_publication_keeps_a_version_and_compare_marks_the_words_that_changed()
    {
        var (staff, member) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Tides of the Andaman Sea", body: "The first paragraph of the tides.");
        using (var saved = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Body", "The opening paragraph of the tides.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var history = await staff.GetPageAsync($"/admin/publications/{id}/history");
        var rows = history.QuerySelectorAll(".admin-table tbody tr").Select(r => r.TextContent.Squash()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("2 (current)", rows[0], StringComparison.Ordinal);
        Assert.Contains("Body changed", rows[0], StringComparison.Ordinal);
        Assert.Contains(member.Email, rows[0], StringComparison.Ordinal);
        Assert.StartsWith("1", rows[1], StringComparison.Ordinal);
        Assert.Contains("Created", rows[1], StringComparison.Ordinal);

        var compare = await staff.GetPageAsync($"/admin/publications/{id}/history/compare?from=1&to=2");
        Assert.Equal(["first"], compare.QuerySelectorAll(".admin-compare del").Select(d => d.TextContent.Replace("[removed: ", "", StringComparison.Ordinal).TrimEnd(']')).ToList());
        Assert.Equal(["opening"], compare.QuerySelectorAll(".admin-compare ins").Select(d => d.TextContent.Replace("[added: ", "", StringComparison.Ordinal).TrimEnd(']')).ToList());
        // Announced in words too, not by colour alone.
        Assert.Equal("[removed: first]", compare.QuerySelector(".admin-compare del")!.TextContent);
        Assert.Equal("1 field differs.", compare.QuerySelector("main p")!.TextContent.Trim());
    }

    [Fact]
    public async Task Restoring_an_old_version_puts_its_title_back_on_the_article_and_in_the_pdf_at_once()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Lighthouses of the Straits", status: "Published");
        var address = await staff.PublicAddressAsync(id);
        var reader = portal.CreateReader();
        Assert.EndsWith("| Lighthouses of the Straits", (await reader.GetPageAsync(address)).QuerySelector("h1")!.TextContent.Squash(), StringComparison.Ordinal);
        using (var saved = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Title", "Beacons of the Straits")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var renamed = await staff.PublicAddressAsync(id);
        Assert.EndsWith("| Beacons of the Straits", (await reader.GetPageAsync(renamed)).QuerySelector("h1")!.TextContent.Squash(), StringComparison.Ordinal);
        Assert.Contains("Beacons of the Straits", await PdfTextAsync(reader, renamed), StringComparison.Ordinal);

        var confirm = await staff.GetPageAsync($"/admin/publications/{id}/history/1/restore");
        Assert.Contains("Restore version 1", confirm.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        using (var restored = await staff.PostFormAsync($"/admin/publications/{id}/history/1/restore",
            FormFields.Of(confirm, $"form[action='/admin/publications/{id}/history/1/restore']")))
        {
            Assert.Equal($"/admin/publications/{id}/history?restored=1", restored.Location());
        }

        Assert.Equal(address, await staff.PublicAddressAsync(id));
        Assert.EndsWith("| Lighthouses of the Straits", (await reader.GetPageAsync(address)).QuerySelector("h1")!.TextContent.Squash(), StringComparison.Ordinal);
        Assert.Contains("Lighthouses of the Straits", await PdfTextAsync(reader, address), StringComparison.Ordinal);
        // History is never rewritten: the restore is version 3, and says what it brought back.
        var rows = (await staff.GetPageAsync($"/admin/publications/{id}/history")).QuerySelectorAll(".admin-table tbody tr").Select(r => r.TextContent.Squash()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("Restored version 1 (Title)", rows[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_from_a_screen_someone_has_saved_over_is_refused_naming_them_and_changes_nothing()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var (colleague, other) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Monsoon Trade Winds");
        using (await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Title", "Monsoon Trade Routes")))
        {
        }

        var confirm = await staff.GetPageAsync($"/admin/publications/{id}/history/1/restore");
        using (await colleague.SaveAsync(id, (await colleague.EditFormAsync(id)).Set("Title", "Monsoon Trade Lanes")))
        {
        }

        using var refused = await staff.PostFormAsync($"/admin/publications/{id}/history/1/restore",
            FormFields.Of(confirm, $"form[action='/admin/publications/{id}/history/1/restore']"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ReadPageAsync();
        var summary = page.QuerySelector("[data-error-summary]")!.TextContent;
        Assert.Contains($"was changed by {other.Email}", summary, StringComparison.Ordinal);
        // A restore has no typed changes to keep: it says nothing was restored, not "your changes are still in the form".
        Assert.Contains("Nothing has been restored.", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("still in the form", summary, StringComparison.Ordinal);
        Assert.Equal("Monsoon Trade Lanes", (await staff.EditFormAsync(id))["Title"]);
    }

    [Theory]
    [InlineData("authors", "Name", "Ong Keng Yong", "Ong Keng-Yong")]
    [InlineData("categories", "Name", "Energy Security", "Energy and Security")]
    [InlineData("series", "Name", "Policy Briefs on Water", "Policy Briefs on Rivers")]
    [InlineData("pages", "Title", "Visiting the Library", "Visiting Our Library")]
    public async Task Every_editable_type_keeps_a_version_per_save_and_restores_one(string area, string field, string first, string second)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateItemAsync(area, f =>
        {
            f.Set(field, first);
            if (area == "series")
            {
                f.Set("CodePrefix", "");
            }
        });
        using (var saved = await staff.SaveItemAsync(area, id, (await staff.ItemFormAsync(area, id)).Set(field, second)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var rows = (await staff.GetPageAsync($"/admin/{area}/{id}/history")).QuerySelectorAll(".admin-table tbody tr");
        Assert.Equal(2, rows.Length);
        var confirm = await staff.GetPageAsync($"/admin/{area}/{id}/history/1/restore");
        using (var restored = await staff.PostFormAsync($"/admin/{area}/{id}/history/1/restore",
            FormFields.Of(confirm, $"form[action='/admin/{area}/{id}/history/1/restore']")))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        Assert.Equal(first, (await staff.ItemFormAsync(area, id))[field]);
    }

    [Fact]
    public async Task Versions_that_are_not_numbers_the_same_or_missing_get_a_400_page_and_other_items_404()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Coral Reefs and Shipping");
        var other = await staff.CreatePublicationAsync("Seagrass and Shipping");
        using (await staff.SaveAsync(other, (await staff.EditFormAsync(other)).Set("Title", "Seagrass and Ports")))
        {
        }

        var notNumber = await staff.GetPageAsync($"/admin/publications/{id}/history/compare?from=abc&to=1", HttpStatusCode.BadRequest);
        Assert.Contains("“abc” is not a valid from.", notNumber.Body!.TextContent, StringComparison.Ordinal);
        var same = await staff.GetPageAsync($"/admin/publications/{id}/history/compare?from=1&to=1", HttpStatusCode.BadRequest);
        Assert.Contains("Choose two different versions to compare.", same.Body!.TextContent, StringComparison.Ordinal);
        var missing = await staff.GetPageAsync($"/admin/publications/{id}/history/compare?from=1&to=99", HttpStatusCode.BadRequest);
        Assert.Contains("There is no version 99; this publication has versions 1 to 1.", missing.Body!.TextContent, StringComparison.Ordinal);

        // Version 2 exists, but of the other publication: nothing to restore here.
        (await staff.GetPageAsync($"/admin/publications/{id}/history/2/restore", HttpStatusCode.NotFound)).Dispose();
        using var tampered = await staff.PostFormAsync($"/admin/publications/{id}/history/2/restore",
            FormFields.Of(await staff.GetPageAsync($"/admin/publications/{other}/history/1/restore"), $"form[action='/admin/publications/{other}/history/1/restore']"));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        (await staff.GetPageAsync("/admin/publications/999999/history", HttpStatusCode.NotFound)).Dispose();
        Assert.Equal("Seagrass and Ports", (await staff.EditFormAsync(other))["Title"]);
    }

    [Fact]
    public async Task An_item_saved_before_versions_were_kept_keeps_what_it_was_so_its_first_change_can_be_undone()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await portal.WithDatabaseAsync(db => Task.FromResult(db.Publications.Single(p => p.Code == SeedFacts.Code).Id));
        var before = (await staff.EditFormAsync(id))["Title"];
        using (await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Title", before + " (draft wording)")))
        {
        }

        var rows = (await staff.GetPageAsync($"/admin/publications/{id}/history")).QuerySelectorAll(".admin-table tbody tr").Select(r => r.TextContent.Squash()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("As it was before versions were kept", rows[1], StringComparison.Ordinal);
        var confirm = await staff.GetPageAsync($"/admin/publications/{id}/history/1/restore");
        using (await staff.PostFormAsync($"/admin/publications/{id}/history/1/restore", FormFields.Of(confirm, $"form[action='/admin/publications/{id}/history/1/restore']")))
        {
        }

        Assert.Equal(before, (await staff.EditFormAsync(id))["Title"]);
    }

    [Fact]
    public async Task A_menu_entry_and_the_site_settings_keep_versions_and_restore_one_on_every_page()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var add = FormFields.Of(await staff.GetPageAsync("/admin/menu/new"), "#menu-entry-form").Set("Title", "Library Hours").Set("Slug", "library-hours");
        using var added = await staff.PostFormAsync("/admin/menu/new", add);
        var entry = int.Parse(System.Text.RegularExpressions.Regex.Match(added.Location(), @"[?&]entry=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using (await staff.PostFormAsync($"/admin/menu/{entry}/edit",
            FormFields.Of(await staff.GetPageAsync($"/admin/menu/{entry}/edit"), "#menu-entry-form").Set("Title", "Library Opening Hours")))
        {
        }

        Assert.Contains("Library Opening Hours", (await portal.CreateReader().GetPageAsync("/")).Body!.TextContent, StringComparison.Ordinal);
        await RestoreAsync(staff, $"/admin/menu/{entry}/history", 1);
        var home = (await portal.CreateReader().GetPageAsync("/")).Body!.TextContent;
        Assert.Contains("Library Hours", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Library Opening Hours", home, StringComparison.Ordinal);

        var settings = FormFields.Of(await staff.GetPageAsync("/admin/settings"), "#settings-form");
        var tagline = settings["Tagline"]!;
        using (await staff.PostFormAsync("/admin/settings", settings.Set("Tagline", "A tagline for one afternoon")))
        {
        }

        Assert.Contains("A tagline for one afternoon", (await portal.CreateReader().GetPageAsync("/")).Body!.TextContent, StringComparison.Ordinal);
        var versions = (await staff.GetPageAsync("/admin/settings/history")).QuerySelectorAll(".admin-table tbody tr");
        await RestoreAsync(staff, "/admin/settings/history", versions.Length - 1);
        Assert.Contains(tagline, (await portal.CreateReader().GetPageAsync("/")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hiding_a_menu_entry_from_the_tree_keeps_a_version_and_restoring_the_one_before_shows_it_again()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var add = FormFields.Of(await staff.GetPageAsync("/admin/menu/new"), "#menu-entry-form").Set("Title", "Reading Room").Set("Slug", "reading-room");
        using var added = await staff.PostFormAsync("/admin/menu/new", add);
        var entry = int.Parse(System.Text.RegularExpressions.Regex.Match(added.Location(), @"[?&]entry=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using (await staff.PostFormAsync($"/admin/menu/{entry}/hide", FormFields.Of(await staff.GetPageAsync("/admin/menu"), $"form[action='/admin/menu/{entry}/hide']")))
        {
        }

        var history = await staff.GetPageAsync($"/admin/menu/{entry}/history");
        Assert.Equal(2, history.QuerySelectorAll(".admin-table tbody tr").Length);
        Assert.Contains("Visible", history.QuerySelector(".admin-table tbody")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Reading Room", (await portal.CreateReader().GetPageAsync("/")).Body!.TextContent, StringComparison.Ordinal);

        await RestoreAsync(staff, $"/admin/menu/{entry}/history", 1);
        Assert.Contains("Reading Room", (await portal.CreateReader().GetPageAsync("/")).Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Opens the restore page of version <paramref name="number"/> from the history at <paramref name="history"/>, and confirms.</summary>
    private static async Task RestoreAsync(HttpClient staff, string history, int number)
    {
        var confirm = await staff.GetPageAsync($"{history}/{number}/restore");
        using var restored = await staff.PostFormAsync($"{history}/{number}/restore", FormFields.Of(confirm, $"form[action='{history}/{number}/restore']"));
        Assert.Equal($"{history}?restored={number}", restored.Location());
    }

    private static async Task<string> PdfTextAsync(HttpClient reader, string address)
    {
        var bytes = await reader.GetByteArrayAsync(new Uri(address + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(' ', pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
    }
}
