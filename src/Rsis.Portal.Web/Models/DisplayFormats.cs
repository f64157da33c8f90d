namespace Rsis.Portal.Web.Models;

public static class DisplayFormats
{
    /// <summary>Dates as the source page writes them: "18 March 2013".</summary>
    public static string ToDisplay(this DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for &lt;time datetime&gt;.</summary>
    public static string ToIso(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A stored UTC time, machine-readable for &lt;time datetime&gt;: "2026-12-01T09:30:20Z".</summary>
    public static string ToIsoUtc(this DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
