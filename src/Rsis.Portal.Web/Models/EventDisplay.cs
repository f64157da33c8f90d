using System.Text.Json.Nodes;

namespace Rsis.Portal.Web.Models;

/// <summary>How events read on the site: their times on the site's clock, the zone named, and their JSON-LD.</summary>
public static class EventDisplay
{
    /// <summary>
    /// "Tuesday 8 December 2026, 14:00 to 15:30 Singapore time"; "8 December 2026 (all day)"; across days, both
    /// dates in full.
    /// </summary>
    public static string When(SiteTime siteTime, DateTime startsAtUtc, DateTime endsAtUtc, bool isAllDay)
    {
        ArgumentNullException.ThrowIfNull(siteTime);
        var start = siteTime.ToSite(startsAtUtc);
        var end = siteTime.ToSite(endsAtUtc);
        if (isAllDay)
        {
            var lastDay = end.Date.AddDays(-1);
            return lastDay <= start.Date
                ? $"{Day(start)} (all day)"
                : $"{Day(start)} to {Day(lastDay)} (all day)";
        }

        return start.Date == end.Date
            ? $"{Day(start)}, {Clock(start)} to {Clock(end)} {siteTime.ZoneName}"
            : $"{Day(start)}, {Clock(start)} to {Day(end)}, {Clock(end)} {siteTime.ZoneName}";
    }

    /// <summary>The schema.org Event of an event's page, with the organiser, the place and whether it is on.</summary>
    public static string JsonLd(EventPage page, SiteTime siteTime, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(siteTime);
        var url = baseUrl + page.Url;
        var item = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["@id"] = url + "#event",
            ["url"] = url,
            ["name"] = page.Title,
            ["startDate"] = Moment(siteTime, page.StartsAtUtc, page.IsAllDay, endOfAllDay: false),
            ["endDate"] = Moment(siteTime, page.EndsAtUtc, page.IsAllDay, endOfAllDay: true),
            ["eventStatus"] = page.IsCancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
            ["eventAttendanceMode"] = (page.HasVenue, page.IsOnline) switch
            {
                (true, true) => "https://schema.org/MixedEventAttendanceMode",
                (false, true) => "https://schema.org/OnlineEventAttendanceMode",
                _ => "https://schema.org/OfflineEventAttendanceMode",
            },
            ["organizer"] = new JsonObject { ["@type"] = "Organization", ["name"] = page.Organizer, ["url"] = baseUrl + "/" },
        };
        var places = new JsonArray();
        if (page.HasVenue)
        {
            var place = new JsonObject { ["@type"] = "Place", ["name"] = page.VenueName.Length > 0 ? page.VenueName : string.Join(", ", page.VenueAddressLines) };
            if (page.VenueAddressLines.Count > 0)
            {
                place["address"] = new JsonObject { ["@type"] = "PostalAddress", ["streetAddress"] = string.Join(", ", page.VenueAddressLines) };
            }

            places.Add(place);
        }

        if (page.IsOnline)
        {
            places.Add(new JsonObject { ["@type"] = "VirtualLocation", ["url"] = page.OnlineUrl });
        }

        if (places.Count > 0)
        {
            item["location"] = places.Count == 1 ? places[0]!.DeepClone() : places;
        }

        if (page.Summary.Length > 0)
        {
            item["description"] = page.Summary;
        }

        if (page.Speakers.Count + page.Guests.Count > 0)
        {
            item["performer"] = new JsonArray([
                .. page.Speakers.Select(s => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = s.Name, ["url"] = baseUrl + s.Url }),
                .. page.Guests.Select(g => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = g }),
            ]);
        }

        if (page.RegistrationUrl.Length > 0)
        {
            item["offers"] = new JsonObject { ["@type"] = "Offer", ["url"] = page.RegistrationUrl };
        }

        // System.Text.Json escapes < and >, so no value can close the script element early.
        return item.ToJsonString();
    }

    private static string Day(DateTime t) => t.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Clock(DateTime t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>With the site's offset ("2026-12-08T14:00:00+08:00"); an all-day event's days as dates, the last inclusive.</summary>
    private static string Moment(SiteTime siteTime, DateTime utc, bool isAllDay, bool endOfAllDay)
    {
        var local = siteTime.ToSite(utc);
        if (isAllDay)
        {
            return (endOfAllDay ? local.Date.AddDays(-1) : local.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var offset = siteTime.Zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
