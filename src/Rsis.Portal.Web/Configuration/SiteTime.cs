namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// The site's time zone (<c>Site:TimeZone</c>, Singapore unless set): staff enter and read every time in it,
/// named ("Singapore time"), while the database keeps UTC. The one place where times cross between the two.
/// </summary>
public sealed class SiteTime : Application.Common.Interfaces.ISiteZone
{
    public SiteTime(IOptions<SiteOptions> options)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        ZoneName = NameOf(Zone);
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>How staff say the zone: "Singapore time" for Asia/Singapore, "UTC" for UTC.</summary>
    public string ZoneName { get; }

    /// <summary>A stored UTC time as the site's clock showed it.</summary>
    public DateTime ToSite(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A time entered on the site's clock, in UTC for storing.</summary>
    public DateTime ToUtc(DateTime siteTime)
    {
        var local = DateTime.SpecifyKind(siteTime, DateTimeKind.Unspecified);
        // A time skipped when the clocks go forward does not exist; take the moment the clocks show it after the jump.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>"1 Dec 2026 09:30 Singapore time".</summary>
    public string Show(DateTime utc) => $"{ShowWithoutZone(utc)} {ZoneName}";

    /// <summary>"1 Dec 2026 09:30", for a table whose heading names the zone.</summary>
    public string ShowWithoutZone(DateTime utc) => ToSite(utc).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The value of a datetime-local field: the site's clock, to the minute.</summary>
    public string ForInput(DateTime utc) => ToSite(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static string NameOf(TimeZoneInfo zone)
    {
        if (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime)
        {
            return "UTC";
        }

        // "Asia/Singapore" → "Singapore time", "America/New_York" → "New York time".
        var city = zone.Id[(zone.Id.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return city + " time";
    }

    /// <summary>Whether <paramref name="id"/> names a zone this machine knows, for checking the setting at startup.</summary>
    public static bool IsKnownZone(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
