namespace Rsis.Portal.Web.Configuration;

/// <summary>The <c>Site</c> configuration section.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The public origin, e.g. "https://www.rsis.edu.sg", for absolute URLs printed in PDFs and feeds.
    /// When unset, the request's own scheme and host are used (fine behind one host name).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Addresses per sitemap file before /sitemap.xml becomes an index of parts (the protocol's limit).</summary>
    public int SitemapUrlsPerFile { get; set; } = Application.Sitemap.GetSitemap.GetSitemap.MaxUrlsPerFile;

    /// <summary>
    /// The time zone staff enter and read times in (an IANA id such as "Asia/Singapore"); the database keeps UTC.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Singapore";

    public string BaseUrlFor(HttpRequest request) =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? $"{request.Scheme}://{request.Host}" : PublicBaseUrl.TrimEnd('/');
}
