using System.Text;

namespace Rsis.Portal.Web.Feeds;

/// <summary>
/// Writes an <see cref="EventCalendar"/> as an iCalendar file (RFC 5545). Written by hand rather than with a
/// library: it is a dozen properties, and by hand every byte is ours to check — CRLF line ends, lines folded at 75
/// octets without splitting a UTF-8 character, text values escaped (\\ \; \, \n). The tests read the files back
/// with Ical.Net's parser. UIDs (<c>event-{id}@{host}</c>) never change; SEQUENCE is the event's own, raised by
/// every save that changes what a calendar shows, so subscribed calendars replace what they hold.
/// </summary>
public static class EventCalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const int MaxLineOctets = 75;

    public static byte[] Write(EventCalendar calendar, string baseUrl, string calendarName)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var host = new Uri(baseUrl).Host;
        var text = new StringBuilder();
        void Line(string name, string value) => Fold(text, name + ":" + value);

        Line("BEGIN", "VCALENDAR");
        Line("VERSION", "2.0");
        Line("PRODID", "-//RSIS//Rsis.Portal events//EN");
        Line("CALSCALE", "GREGORIAN");
        Line("METHOD", "PUBLISH");
        Line("X-WR-CALNAME", Escape(calendarName));
        foreach (var entry in calendar.Entries)
        {
            Line("BEGIN", "VEVENT");
            Line("UID", string.Create(CultureInfo.InvariantCulture, $"event-{entry.Id}@{host}"));
            Line("DTSTAMP", Utc(entry.UpdatedAtUtc));
            Line("CREATED", Utc(entry.CreatedAtUtc));
            Line("LAST-MODIFIED", Utc(entry.UpdatedAtUtc));
            Line("SEQUENCE", entry.Sequence.ToString(CultureInfo.InvariantCulture));
            if (entry.IsAllDay)
            {
                // Dates on the site's clock, the end exclusive: a one-day event ends the next day.
                Line("DTSTART;VALUE=DATE", entry.FirstDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                Line("DTEND;VALUE=DATE", entry.DayAfterLast.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            }
            else
            {
                Line("DTSTART", Utc(entry.StartsAtUtc));
                Line("DTEND", Utc(entry.EndsAtUtc));
            }

            Line("SUMMARY", Escape(entry.IsCancelled ? "Cancelled: " + entry.Title : entry.Title));
            if (entry.Description.Length > 0)
            {
                Line("DESCRIPTION", Escape(entry.Description));
            }

            if (entry.Location.Length > 0)
            {
                Line("LOCATION", Escape(entry.Location));
            }

            Line("URL", baseUrl + entry.Url);
            Line("STATUS", entry.IsCancelled ? "CANCELLED" : "CONFIRMED");
            Line("END", "VEVENT");
        }

        Line("END", "VCALENDAR");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// One content line, folded (§3.1): at most 75 octets a line, each continuation starting with a space, never
    /// splitting a UTF-8 character (nor a surrogate pair); every line ends with CRLF.
    /// </summary>
    public static void Fold(StringBuilder output, string line)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(line);
        var octets = 0;
        var limit = MaxLineOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                // The leading space counts towards the next line's 75.
                octets = 1;
            }

            output.Append(line, i, width);
            octets += size;
            i += width - 1;
        }

        output.Append("\r\n");
    }

    private static string Utc(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
