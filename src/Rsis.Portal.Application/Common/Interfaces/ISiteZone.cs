namespace Rsis.Portal.Application.Common.Interfaces;

/// <summary>
/// The site's time zone (<c>Site:TimeZone</c>): the clock staff enter times on and readers read them on. Use cases
/// that take a time typed on that clock (an event's start) check it exists there and convert it for storing.
/// </summary>
public interface ISiteZone
{
    TimeZoneInfo Zone { get; }

    /// <summary>"Singapore time", "London time", "UTC".</summary>
    string ZoneName { get; }
}
