using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal for the events tests: staff sign in often, and the fake clock stands at 1 December 2026, 09:30 UTC
/// (17:30 in Singapore), so "upcoming" and "past" are fixed. A subclass may set <c>Site:TimeZone</c>.
/// </summary>
public class EventsPortal : FakeClockPortal
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Admin:SignInPermitsPerWindow", "100000"),
        ("Admin:SecurityStampValidationInterval", "00:00:00"),
        .. MoreSettings,
    ];

    protected virtual IEnumerable<(string Key, string Value)> MoreSettings => [];
}

/// <summary>The events portal on London time, whose clocks go forward at 01:00 on 29 March 2026.</summary>
public sealed class LondonEventsPortal : EventsPortal
{
    protected override IEnumerable<(string Key, string Value)> MoreSettings => [("Site:TimeZone", "Europe/London")];
}

/// <summary>Working the event form as staff do.</summary>
public static class EventForms
{
    public const string Area = "events";

    /// <summary>
    /// Creates an event through the form: by default published, on 8 December 2026 from 14:00 to 15:30 (site time)
    /// in Seminar Room 1; <paramref name="change"/> changes any field first. Answers its id.
    /// </summary>
    public static Task<int> CreateEventAsync(this HttpClient staff, string title, string status = "Published", Action<FormFields>? change = null) =>
        staff.CreateItemAsync(Area, f =>
        {
            f.Set("Title", title).Set("StartsAt", "2026-12-08T14:00").Set("EndsAt", "2026-12-08T15:30")
                .Set("VenueName", "Seminar Room 1").Set("Status", status);
            change?.Invoke(f);
        });

    public static async Task<string> EventAddressAsync(this PortalFactory portal, int id) =>
        "/events/" + await portal.WithDatabaseAsync(db => db.Events.IgnoreQueryFilters().Where(e => e.Id == id).Select(e => e.Slug).SingleAsync());

    public static async Task<string> GetTextAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
