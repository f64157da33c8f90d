using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>
/// Saving a published publication can carry a public correction note: readers see "Correction, 4 December 2026: …"
/// under the byline (the day in the site's time zone, Singapore), machines see it in the JSON-LD, and a plain fix
/// stays silent. The fake clock is moved to 16:30 UTC on 3 December, already 4 December in Singapore.
/// </summary>
public sealed class PublicationCorrectionTests(FakeClockPortal portal) : IClassFixture<FakeClockPortal>
{
    private const string Area = "publications";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly DateTimeOffset LateOnTheThird = new(2026, 12, 3, 16, 30, 0, TimeSpan.Zero);

    private async Task<(HttpClient Staff, int Id, string Address)> PublishedAsync(string title, string status = "Published")
    {
        if (portal.Clock.GetUtcNow() < LateOnTheThird)
        {
            portal.Clock.SetUtcNow(LateOnTheThird);
        }

        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync(title, status: status,
            body: "The ministry announced the talks.\n\nThe second paragraph.");
        return (staff, id, await staff.PublicAddressAsync(id));
    }

    private static JsonElement Report(IHtmlDocument page)
    {
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        return json.RootElement.GetProperty("@graph").EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "Report").Clone();
    }

    private static List<string> Corrections(IHtmlDocument page) =>
        page.QuerySelectorAll(".article-header .article-correction").Select(p => p.TextContent.Squash()).ToList();

    [Fact]
    public async Task A_correction_shows_under_the_byline_with_its_day_in_the_site_time_zone_and_in_the_json_ld_newest_first()
    {
        var (staff, id, address) = await PublishedAsync("Talks on the Straits " + Guid.NewGuid().ToString("N")[..6]);
        var reader = portal.CreateReader();
        var feedBefore = await FeedEntryAsync(reader, id, staff);

        using var first = await staff.SaveItemAsync(Area, id, (await staff.ItemFormAsync(Area, id))
            .Set("Body", "The foreign ministry announced the talks.\n\nThe second paragraph.")
            .Set("CorrectionNote", "An earlier version said the defence ministry announced the talks."));
        portal.Clock.Advance(TimeSpan.FromHours(2));
        using var second = await staff.SaveItemAsync(Area, id, (await staff.ItemFormAsync(Area, id))
            .Set("CorrectionNote", "The talks are in March, not May."));
        var page = await reader.GetPageAsync(address);
        var report = Report(page);
        var feedAfter = await FeedEntryAsync(reader, id, staff);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(
            [
                "Correction, 4 December 2026: The talks are in March, not May.",
                "Correction, 4 December 2026: An earlier version said the defence ministry announced the talks.",
            ],
            Corrections(page));
        Assert.Equal("2026-12-04", page.QuerySelector(".article-correction time")!.GetAttribute("datetime"));
        Assert.Contains("foreign ministry", page.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        var corrections = report.GetProperty("correction").EnumerateArray().ToList();
        Assert.Equal(2, corrections.Count);
        Assert.Equal("CorrectionComment", corrections[0].GetProperty("@type").GetString());
        Assert.Equal("The talks are in March, not May.", corrections[0].GetProperty("text").GetString());
        Assert.Equal("2026-12-03T18:30:00Z", corrections[0].GetProperty("datePublished").GetString());
        Assert.Equal("2026-12-03T16:30:00Z", corrections[1].GetProperty("datePublished").GetString());
        Assert.Equal("2026-12-03T18:30:00Z", report.GetProperty("dateModified").GetString());
        // Feed readers keep the entry they have (the same id) and see when it changed.
        Assert.Equal(feedBefore.Id, feedAfter.Id);
        Assert.Equal("2026-12-03T18:30:00Z", feedAfter.Updated);
    }

    [Fact]
    public async Task A_typo_fix_without_a_note_shows_nothing_to_readers()
    {
        var (staff, id, address) = await PublishedAsync("Port Security Review " + Guid.NewGuid().ToString("N")[..6]);

        using var saved = await staff.SaveItemAsync(Area, id, (await staff.ItemFormAsync(Area, id))
            .Set("Body", "The ministry announced the talks.\n\nThe second paragraph, fixed."));
        var page = await portal.CreateReader().GetPageAsync(address);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("fixed", page.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(Corrections(page));
        Assert.False(Report(page).TryGetProperty("correction", out _));
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.PublicationCorrections.CountAsync(c => c.PublicationId == id)));
    }

    [Fact]
    public async Task A_note_on_a_draft_or_on_a_save_that_unpublishes_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var (staff, draftId, _) = await PublishedAsync("Draft on Fisheries " + Guid.NewGuid().ToString("N")[..6], status: "Draft");
        var (_, publishedId, address) = await PublishedAsync("Fisheries Talks " + Guid.NewGuid().ToString("N")[..6]);
        var draftForm = await staff.GetPageAsync($"/admin/publications/{draftId}/edit");

        using var draft = await staff.SaveItemAsync(Area, draftId, (await staff.ItemFormAsync(Area, draftId))
            .Set("Title", "Draft on Fisheries, retitled").Set("CorrectionNote", "Nothing to correct yet."));
        using var unpublish = await staff.SaveItemAsync(Area, publishedId, (await staff.ItemFormAsync(Area, publishedId))
            .Set("Status", "Draft").Set("CorrectionNote", "Withdrawn."));

        // The field is offered only once readers can see the publication.
        Assert.Null(draftForm.QuerySelector("#field-CorrectionNote"));
        Assert.NotNull((await staff.GetPageAsync($"/admin/publications/{publishedId}/edit")).QuerySelector("#field-CorrectionNote"));
        Assert.Equal(HttpStatusCode.BadRequest, draft.StatusCode);
        var refused = await draft.ReadPageAsync();
        Assert.Equal("A correction note is for a publication readers can already see, and this one is not published yet. Save it without a note.",
            refused.FieldError("CorrectionNote"));
        Assert.Equal("Nothing to correct yet.", refused.QuerySelector("#field-CorrectionNote")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, unpublish.StatusCode);
        Assert.Contains("takes the publication off the site", (await unpublish.ReadPageAsync()).FieldError("CorrectionNote"), StringComparison.Ordinal);
        Assert.DoesNotContain("retitled", (await staff.GetPageAsync($"/admin/publications/{draftId}/edit")).QuerySelector("#field-Title")!.GetAttribute("value"), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.PublicationCorrections.CountAsync(c => c.PublicationId == draftId || c.PublicationId == publishedId)));
        Assert.Empty(Corrections(await portal.CreateReader().GetPageAsync(address)));
    }

    [Fact]
    public async Task A_note_over_a_thousand_characters_is_refused_beside_the_field()
    {
        var (staff, id, address) = await PublishedAsync("Long Notes " + Guid.NewGuid().ToString("N")[..6]);

        using var tooLong = await staff.SaveItemAsync(Area, id, (await staff.ItemFormAsync(Area, id)).Set("CorrectionNote", new string('x', 1001)));
        using var justRight = await staff.SaveItemAsync(Area, id, (await staff.ItemFormAsync(Area, id)).Set("CorrectionNote", new string('y', 1000)));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("A correction note can be at most 1,000 characters.", (await tooLong.ReadPageAsync()).FieldError("CorrectionNote"));
        Assert.Equal(HttpStatusCode.Redirect, justRight.StatusCode);
        var shown = Assert.Single(Corrections(await portal.CreateReader().GetPageAsync(address)));
        Assert.EndsWith(new string('y', 1000), shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_a_note_is_shown_as_the_text_typed()
    {
        var (staff, id, address) = await PublishedAsync("Markup in Notes " + Guid.NewGuid().ToString("N")[..6]);
        const string note = "<script>alert(1)</script> The <b>date</b> was wrong & is fixed.";

        (await staff.SaveItemAsync(Area, id, (await staff.ItemFormAsync(Area, id)).Set("CorrectionNote", note))).Dispose();
        var page = await portal.CreateReader().GetPageAsync(address);

        var shown = page.QuerySelector(".article-correction")!;
        Assert.Equal("Correction, 4 December 2026: " + note, shown.TextContent.Squash());
        Assert.Null(shown.QuerySelector("script, b"));
        Assert.Equal(note, Report(page).GetProperty("correction")[0].GetProperty("text").GetString());
    }

    private static async Task<(string Id, string Updated)> FeedEntryAsync(HttpClient reader, int id, HttpClient staff)
    {
        var title = (await staff.GetPageAsync($"/admin/publications/{id}/edit")).QuerySelector("#field-Title")!.GetAttribute("value")!;
        using var response = await reader.GetAsync(new Uri("/feeds/publications.atom", UriKind.Relative), TestContext.Current.CancellationToken);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var entry = feed.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value.EndsWith(title, StringComparison.Ordinal));
        return (entry.Element(Atom + "id")!.Value, entry.Element(Atom + "updated")!.Value);
    }
}
