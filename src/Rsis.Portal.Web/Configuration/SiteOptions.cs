namespace Rsis.Portal.Web.Configuration;

/// <summary>The <c>Site</c> configuration section.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The public origin, e.g. "https://www.rsis.edu.sg", for every absolute URL the site prints (sitemap, feeds,
    /// canonical links, PDFs, citations). Required outside Development, where it also names the only host the
    /// site answers (<see cref="PinnedHost"/>); in Development, when unset, the request's own origin is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Addresses per sitemap file before /sitemap.xml becomes an index of parts (the protocol's limit).</summary>
    public int SitemapUrlsPerFile { get; set; } = Application.Sitemap.GetSitemap.GetSitemap.MaxUrlsPerFile;

    /// <summary>
    /// The time zone staff enter and read times in (an IANA id such as "Asia/Singapore"); the database keeps UTC.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Singapore";

    /// <summary>The origin to print; the request's only in Development without a setting (PinnedHost stops any other start).</summary>
    public string BaseUrlFor(HttpRequest request) =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? $"{request.Scheme}://{request.Host}" : PublicBaseUrl.Trim().TrimEnd('/');
}
