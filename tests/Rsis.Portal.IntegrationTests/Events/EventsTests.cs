using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Events;

/// <summary>
/// Readers find the next event, read its page, and add it to their calendar; staff announce, change, cancel and
/// delete events through the same editing pipeline as everything else. The clock stands at 1 December 2026, 09:30
/// UTC (17:30 in Singapore).
/// </summary>
public sealed class EventsTests(EventsPortal portal) : IClassFixture<EventsPortal>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_event_is_listed_as_upcoming_and_its_page_says_when_in_singapore_time_where_and_who()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var authorId = await portal.WithDatabaseAsync(db => db.Authors.Where(a => a.Slug == "c-raja-mohan").Select(a => a.Id).SingleAsync(Cancel));
        var categoryId = await portal.WithDatabaseAsync(db => db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Cancel));
        var id = await staff.CreateEventAsync("Cyber Norms in Asia: A Roundtable", change: f => f
            .Set("VenueAddress", "Block S4, Level B3\n50 Nanyang Avenue")
            .Set("OnlineUrl", "https://ntu.zoom.us/j/123")
            .Set("SpeakerIds", authorId.ToString(System.Globalization.CultureInfo.InvariantCulture), "")
            .Set("Guests", "Jane Doe, University of Somewhere")
            .Set("Summary", "Experts discuss the norms of state behaviour in cyberspace.")
            .Set("Description", "## Programme\n\nOpening by **the Dean**.")
            .Set("RegistrationUrl", "https://www.rsis.edu.sg/register")
            .Set("RelatedPublicationCodes", "co13046")
            .Set("CategoryIds", categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var reader = portal.CreateReader();

        var listing = await reader.GetPageAsync("/events");
        var page = await reader.GetPageAsync("/events/cyber-norms-in-asia-a-roundtable");

        Assert.Contains("Cyber Norms in Asia: A Roundtable", listing.QuerySelector(".event-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Cyber Norms in Asia: A Roundtable", page.QuerySelector("h1")!.TextContent.Trim());
        var facts = page.QuerySelector(".event-facts")!.TextContent.Squash();
        Assert.Contains("Tuesday 8 December 2026, 14:00 to 15:30 Singapore time", facts, StringComparison.Ordinal);
        Assert.Contains("Seminar Room 1", facts, StringComparison.Ordinal);
        Assert.Contains("50 Nanyang Avenue", facts, StringComparison.Ordinal);
        Assert.Contains("Jane Doe, University of Somewhere", facts, StringComparison.Ordinal);
        Assert.Equal("/authors/c-raja-mohan", page.QuerySelector(".event-facts a[href^='/authors/']")!.GetAttribute("href"));
        Assert.Equal("https://www.rsis.edu.sg/register", page.QuerySelector("a[href='https://www.rsis.edu.sg/register']")!.GetAttribute("href"));
        Assert.Equal("the Dean", page.QuerySelector(".page-body strong")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href^='/publications/rsis-commentary-series/co13046']"));
        Assert.Equal("/events/cyber-norms-in-asia-a-roundtable.ics", page.QuerySelector("a[download]")!.GetAttribute("href"));

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;
        Assert.Equal("Event", root.GetProperty("@type").GetString());
        Assert.Equal("2026-12-08T14:00:00+08:00", root.GetProperty("startDate").GetString());
        Assert.Equal("https://schema.org/EventScheduled", root.GetProperty("eventStatus").GetString());
        Assert.Equal("https://schema.org/MixedEventAttendanceMode", root.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("Seminar Room 1", root.GetProperty("location")[0].GetProperty("name").GetString());
        Assert.Equal("https://ntu.zoom.us/j/123", root.GetProperty("location")[1].GetProperty("url").GetString());
        Assert.True(id > 0);
    }

    [Fact]
    public async Task The_calendar_file_of_an_event_reads_back_in_a_calendar_parser_with_a_stable_uid_and_utc_times()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var longSummary = string.Concat(Enumerable.Repeat("Maritime security, trade; and the Straits — ", 6)).Trim();
        var id = await staff.CreateEventAsync("Maritime Security Lecture", change: f => f.Set("Summary", longSummary));
        var address = await portal.EventAddressAsync(id);

        var text = await portal.CreateReader().GetTextAsync(address + ".ics");

        // Every line ends with CRLF and is at most 75 octets, continuation lines starting with a space.
        var lines = text.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Contains(lines, l => l.StartsWith(' '));
        var calendar = Calendar.Load(text)!;
        var entry = Assert.Single(calendar.Events);
        Assert.Equal($"event-{id}@localhost", entry.Uid);
        Assert.Equal("Maritime Security Lecture", entry.Summary);
        Assert.Equal(longSummary, entry.Description);
        Assert.Equal("Seminar Room 1", entry.Location);
        Assert.Equal(new DateTime(2026, 12, 8, 6, 0, 0), entry.DtStart!.Value);
        Assert.True(entry.DtStart.IsUtc);
        Assert.Equal(new DateTime(2026, 12, 8, 7, 30, 0), entry.DtEnd!.Value);
        Assert.Equal("http://localhost" + address, entry.Url!.ToString());
        Assert.Equal("CONFIRMED", entry.Status);
        Assert.Equal(0, entry.Sequence);
    }

    [Fact]
    public async Task Cancelling_keeps_the_page_up_saying_so_and_calendars_receive_it_cancelled_with_a_higher_sequence()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateEventAsync("Energy Transition Seminar");
        var address = await portal.EventAddressAsync(id);
        var reader = portal.CreateReader();
        (await reader.GetPageAsync(address)).Dispose();

        var confirmation = await staff.GetPageAsync($"/admin/events/{id}/cancel");
        using var cancelled = await staff.PostFormAsync($"/admin/events/{id}/cancel", FormFields.Of(confirmation, $"form[action='/admin/events/{id}/cancel']"));

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var page = await reader.GetPageAsync(address);
        Assert.Contains("This event has been cancelled.", page.QuerySelector(".event-cancelled")!.TextContent, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("https://schema.org/EventCancelled", json.RootElement.GetProperty("eventStatus").GetString());
        Assert.Contains("Cancelled", (await reader.GetPageAsync("/events")).QuerySelector(".event-list")!.TextContent, StringComparison.Ordinal);

        var entry = Calendar.Load(await reader.GetTextAsync("/events.ics"))!.Events.Single(e => e.Uid == $"event-{id}@localhost");
        Assert.Equal("CANCELLED", entry.Status);
        Assert.Equal(1, entry.Sequence);
        // The cancellation is a version of its own, with who did it.
        Assert.Equal(2, await portal.WithDatabaseAsync(db => db.Revisions.CountAsync(r => r.EntityType == "Event" && r.EntityId == id, Cancel)));
    }

    [Fact]
    public async Task A_draft_is_not_public_and_a_deleted_event_answers_gone_until_restored_from_the_trash()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var draft = await staff.CreateEventAsync("Draft Workshop on Terrorism Studies", status: "Draft");
        var reader = portal.CreateReader();
        (await reader.GetPageAsync(await portal.EventAddressAsync(draft), HttpStatusCode.NotFound)).Dispose();
        await reader.GetTextAsync(await portal.EventAddressAsync(draft) + ".ics", HttpStatusCode.NotFound);

        var id = await staff.CreateEventAsync("Workshop on Regional Order");
        var address = await portal.EventAddressAsync(id);
        using var deleted = await staff.ConfirmDeleteAsync(EventForms.Area, id);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        (await reader.GetPageAsync(address, HttpStatusCode.Gone)).Dispose();
        Assert.DoesNotContain("Workshop on Regional Order", (await reader.GetPageAsync("/events")).Body!.TextContent, StringComparison.Ordinal);

        var trash = await staff.GetPageAsync("/admin/trash");
        using var restored = await staff.PostFormAsync($"/admin/trash/events/{id}/restore", FormFields.Of(trash, $"form[action='/admin/trash/events/{id}/restore']"));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        (await reader.GetPageAsync(address)).Dispose();
    }

    [Fact]
    public async Task Past_events_are_listed_newest_first_by_year_and_a_bad_year_or_page_gets_a_clear_answer()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        await staff.CreateEventAsync("Past Forum 2024", change: f => f.Set("StartsAt", "2024-05-02T10:00").Set("EndsAt", "2024-05-02T12:00"));
        await staff.CreateEventAsync("Past Forum 2025", change: f => f.Set("StartsAt", "2025-05-02T10:00").Set("EndsAt", "2025-05-02T12:00"));
        var reader = portal.CreateReader();

        var all = await reader.GetPageAsync("/events/past");
        var titles = all.QuerySelectorAll(".event-list .publication-title").Select(a => a.TextContent.Trim()).ToList();
        var of2024 = await reader.GetPageAsync("/events/past?year=2024");
        var clamped = await reader.GetPageAsync("/events/past?page=-1");
        var bad = await reader.GetPageAsync("/events/past?year=abc", HttpStatusCode.BadRequest);

        Assert.True(titles.IndexOf("Past Forum 2025") < titles.IndexOf("Past Forum 2024"), string.Join(", ", titles));
        Assert.DoesNotContain("Past Forum 2024", (await reader.GetPageAsync("/events")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Past Forum 2024"], of2024.QuerySelectorAll(".event-list .publication-title").Select(a => a.TextContent.Trim()));
        Assert.NotNull(clamped.QuerySelector(".event-list"));
        Assert.Contains("“abc” is not a valid year.", bad.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(bad.QuerySelector("header"));
    }

    [Theory]
    [InlineData("EndsAt", "2026-12-08T13:00", "The event must end after it starts; enter an end later than the start.")]
    [InlineData("RegistrationUrl", "javascript:alert(1)", "Enter a web address starting with https:// or http://, such as https://www.rsis.edu.sg/register.")]
    [InlineData("OnlineUrl", "//evil.example/join", "Enter a web address starting with https:// or http://, such as https://ntu.zoom.us/j/123456789.")]
    [InlineData("Title", "LONG", "A title can be at most 300 characters; this one has 10,000.")]
    public async Task A_bad_field_is_refused_beside_it_and_nothing_is_saved(string field, string value, string message)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var before = await portal.WithDatabaseAsync(db => db.Events.IgnoreQueryFilters().CountAsync(Cancel));

        using var refused = await staff.PostNewItemAsync(EventForms.Area, f => f
            .Set("Title", "Refused Event").Set("StartsAt", "2026-12-08T14:00").Set("EndsAt", "2026-12-08T15:30")
            .Set("VenueName", "Seminar Room 1").Set("Status", "Published")
            .Set(field, value == "LONG" ? new string('x', 10_000) : value));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(message, (await refused.ReadPageAsync()).FieldError(field));
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.Events.IgnoreQueryFilters().CountAsync(Cancel)));
    }

    [Fact]
    public async Task An_edit_shows_at_once_moves_the_address_raises_the_sequence_and_can_be_undone_from_the_versions()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateEventAsync("Security Outlook Briefing");
        var reader = portal.CreateReader();
        (await reader.GetPageAsync("/events/security-outlook-briefing")).Dispose();

        using var saved = await staff.SaveItemAsync(EventForms.Area, id, (await staff.ItemFormAsync(EventForms.Area, id))
            .Set("StartsAt", "2026-12-09T10:00").Set("EndsAt", "2026-12-09T11:00").Set("Slug", "security-outlook"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await reader.GetPageAsync("/events/security-outlook");
        Assert.Contains("Wednesday 9 December 2026, 10:00 to 11:00 Singapore time", page.QuerySelector(".event-facts")!.TextContent.Squash(), StringComparison.Ordinal);
        using var old = await reader.GetAsync(new Uri("/events/security-outlook-briefing", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(1, Calendar.Load(await reader.GetTextAsync("/events/security-outlook.ics"))!.Events.Single().Sequence);

        var compare = await staff.GetPageAsync($"/admin/events/{id}/history/compare?from=1&to=2");
        Assert.Contains("10:00", compare.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var restore = await staff.GetPageAsync($"/admin/events/{id}/history/1/restore");
        using var restored = await staff.PostFormAsync($"/admin/events/{id}/history/1/restore", FormFields.Of(restore, $"form[action='/admin/events/{id}/history/1/restore']"));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("Tuesday 8 December 2026, 14:00", (await reader.GetPageAsync("/events/security-outlook-briefing")).QuerySelector(".event-facts")!.TextContent.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_list_has_upcoming_past_and_draft_tabs_and_the_preview_shows_unsaved_changes()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var upcoming = await staff.CreateEventAsync("Tab Test Upcoming");
        await staff.CreateEventAsync("Tab Test Past", change: f => f.Set("StartsAt", "2025-01-10T10:00").Set("EndsAt", "2025-01-10T11:00"));
        await staff.CreateEventAsync("Tab Test Draft", status: "Draft");

        string Titles(AngleSharp.Html.Dom.IHtmlDocument p) => p.QuerySelector(".admin-table")?.TextContent ?? "";
        var upcomingTab = Titles(await staff.GetPageAsync("/admin/events"));
        var pastTab = Titles(await staff.GetPageAsync("/admin/events?tab=past"));
        var draftTab = Titles(await staff.GetPageAsync("/admin/events?tab=drafts"));
        Assert.Contains("Tab Test Upcoming", upcomingTab, StringComparison.Ordinal);
        Assert.DoesNotContain("Tab Test Past", upcomingTab, StringComparison.Ordinal);
        Assert.Contains("Tab Test Past", pastTab, StringComparison.Ordinal);
        Assert.Contains("Tab Test Draft", draftTab, StringComparison.Ordinal);
        Assert.DoesNotContain("Tab Test Draft", upcomingTab, StringComparison.Ordinal);

        using var preview = await staff.PostFormAsync($"/admin/events/{upcoming}/preview",
            (await staff.ItemFormAsync(EventForms.Area, upcoming)).Set("Title", "Tab Test Renamed In Preview"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("Tab Test Renamed In Preview", (await preview.ReadPageAsync()).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Tab Test Upcoming", await portal.WithDatabaseAsync(db => db.Events.Where(e => e.Id == upcoming).Select(e => e.Title).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task The_events_feeds_home_page_author_page_sitemap_and_search_show_the_event()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var authorId = await portal.WithDatabaseAsync(db => db.Authors.Where(a => a.Slug == "c-raja-mohan").Select(a => a.Id).SingleAsync(Cancel));
        await staff.CreateEventAsync("Feeds Check Dialogue", change: f => f
            .Set("StartsAt", "2026-12-02T09:00").Set("EndsAt", "2026-12-02T10:00")
            .Set("SpeakerIds", authorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var reader = portal.CreateReader();

        var rss = XDocument.Parse(await reader.GetTextAsync("/feeds/events.rss"));
        var atom = XDocument.Parse(await reader.GetTextAsync("/feeds/events.atom"));
        XNamespace a = "http://www.w3.org/2005/Atom";

        Assert.Contains(rss.Descendants("item"), i => i.Element("title")!.Value == "Feeds Check Dialogue"
            && i.Element("link")!.Value == "http://localhost/events/feeds-check-dialogue");
        Assert.Contains(atom.Descendants(a + "entry"), e => e.Element(a + "title")!.Value == "Feeds Check Dialogue");
        Assert.Contains("Feeds Check Dialogue", (await reader.GetPageAsync("/")).QuerySelector(".home-events")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Feeds Check Dialogue", (await reader.GetPageAsync("/authors/c-raja-mohan")).QuerySelector("#author-events")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<loc>http://localhost/events/feeds-check-dialogue</loc>", await reader.GetTextAsync("/sitemap.xml"), StringComparison.Ordinal);
        var found = await reader.GetPageAsync("/search?q=feeds+dialogue&in=events");
        Assert.Equal(["Feeds Check Dialogue"], found.QuerySelectorAll(".event-list .publication-title").Select(t => t.TextContent.Trim()));
        Assert.Contains("Events (1)", (await reader.GetPageAsync("/search?q=feeds+dialogue")).QuerySelector("nav[aria-label='What to search']")!.TextContent, StringComparison.Ordinal);
        // A LIKE wildcard typed is matched as itself.
        Assert.Empty((await reader.GetPageAsync("/search?q=%25&in=events")).QuerySelectorAll(".event-list li"));
    }

    [Fact]
    public async Task An_all_day_event_goes_to_calendars_as_dates_with_the_end_the_day_after_its_last()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateEventAsync("Two-Day Conference", change: f => f
            .Set("StartsAt", "2026-12-14T00:00").Set("EndsAt", "2026-12-15T00:00").Set("IsAllDay", "true"));

        var entry = Calendar.Load(await portal.CreateReader().GetTextAsync(await portal.EventAddressAsync(id) + ".ics"))!.Events.Single();
        var page = await portal.CreateReader().GetPageAsync(await portal.EventAddressAsync(id));

        Assert.False(entry.DtStart!.HasTime);
        Assert.Equal(new DateTime(2026, 12, 14), entry.DtStart.Value);
        Assert.Equal(new DateTime(2026, 12, 16), entry.DtEnd!.Value);
        Assert.Contains("Monday 14 December 2026 to Tuesday 15 December 2026 (all day)", page.QuerySelector(".event-facts")!.TextContent.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_menus_events_entry_opens_the_events_listing()
    {
        var header = await portal.CreateReader().GetPageAsync("/");
        Assert.Contains(header.QuerySelectorAll("header a"), l => l.TextContent.Trim() == "Events" && l.GetAttribute("href") == "/events");
    }
}

/// <summary>With no events (the seed has none), /events says so plainly and offers the calendar and the subscription.</summary>
public sealed class NoEventsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task With_no_events_the_events_page_says_so_and_offers_the_calendar_and_the_subscription()
    {
        var reader = portal.CreateReader();
        var page = await reader.GetPageAsync("/events");

        Assert.Equal("There are no upcoming events at the moment. New events appear here as soon as they are announced.",
            page.QuerySelector(".empty-state")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[href='/events.ics']"));
        Assert.NotNull(page.QuerySelector("a[href='/subscribe?list=events']"));
        Assert.Empty(Calendar.Load(await reader.GetTextAsync("/events.ics"))!.Events);
    }
}

/// <summary>On London time a time the clocks skip cannot be an event's start.</summary>
public sealed class EventTimeZoneTests(LondonEventsPortal portal) : IClassFixture<LondonEventsPortal>
{
    [Fact]
    public async Task A_start_in_the_hour_the_clocks_skip_is_refused_beside_the_field()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var refused = await staff.PostNewItemAsync(EventForms.Area, f => f
            .Set("Title", "Spring Lecture").Set("StartsAt", "2026-03-29T01:30").Set("EndsAt", "2026-03-29T03:00")
            .Set("VenueName", "Seminar Room 1").Set("Status", "Published"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("There is no 01:30 on 29 March 2026 in London time: the clocks go forward then. Enter a time before or after the change.",
            (await refused.ReadPageAsync()).FieldError("StartsAt"));
        // The class's other test may have saved its own event first: only this one must be missing.
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Events.CountAsync(e => e.Title == "Spring Lecture", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_london_summer_event_is_stored_in_utc_and_shown_in_london_time()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateEventAsync("Summer Lecture", change: f => f.Set("StartsAt", "2027-06-10T18:00").Set("EndsAt", "2027-06-10T19:00"));

        Assert.Equal(new DateTime(2027, 6, 10, 17, 0, 0), await portal.WithDatabaseAsync(db => db.Events.Where(e => e.Id == id).Select(e => e.StartsAtUtc).SingleAsync(TestContext.Current.CancellationToken)));
        Assert.Contains("18:00 to 19:00 London time", (await portal.CreateReader().GetPageAsync("/events/summer-lecture")).QuerySelector(".event-facts")!.TextContent.Squash(), StringComparison.Ordinal);
    }
}
