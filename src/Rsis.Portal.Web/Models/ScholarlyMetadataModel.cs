using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rsis.Portal.Web.Models;

/// <summary>A meta tag: its <c>name</c> (or, for Open Graph, <c>property</c>) and its content.</summary>
public sealed record MetaTag(string Key, string Content);

/// <summary>
/// Everything an article page tells machines, made from its <see cref="PublicationMetadata"/> with absolute
/// URLs: Highwire Press tags for Google Scholar, Open Graph and Twitter card tags for link previews,
/// schema.org JSON-LD (a Report with its authors, publisher and breadcrumb trail), and the citations.
/// </summary>
public sealed partial class ScholarlyMetadataModel
{
    public ScholarlyMetadataModel(PublicationMetadata publication, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(baseUrl);
        BaseUrl = baseUrl.TrimEnd('/');
        Publication = publication;
        CanonicalUrl = Absolute(publication.Url);
        PdfUrl = Absolute(publication.PdfUrl);
        CardUrl = Absolute(publication.Url + "/card.png");
        BibTexUrl = publication.Url + ".bib";
        RisUrl = publication.Url + ".ris";
        Citations =
        [
            CitationText.Apa(publication, BaseUrl),
            CitationText.Chicago(publication, BaseUrl),
            CitationText.Harvard(publication, BaseUrl),
        ];
    }

    public PublicationMetadata Publication { get; }

    public string BaseUrl { get; }

    public string CanonicalUrl { get; }

    public string PdfUrl { get; }

    /// <summary>The social card (1200×630 PNG) link previews show, absolute as Open Graph requires.</summary>
    public string CardUrl { get; }

    /// <summary>What the card shows, for readers who cannot see it.</summary>
    public string CardAlt => $"{Publication.Series.Title} {Publication.Code}: {Publication.Title}"
        + (Publication.Authors.Count == 0 ? "" : ", by " + string.Join(", ", Publication.Authors.Select(a => a.Title)));

    public string BibTexUrl { get; }

    public string RisUrl { get; }

    public IReadOnlyList<Citation> Citations { get; }

    public string Description => Publication.Synopsis;

    /// <summary>
    /// Google Scholar's Highwire Press tags, for a numbered report: one citation_author per author in byline
    /// order, the date as Scholar asks for it ("2013/03/18"), exactly one citation_pdf_url.
    /// </summary>
    public IReadOnlyList<MetaTag> HighwireTags =>
    [
        new("citation_title", Publication.Title),
        .. Publication.Authors.Select(a => new MetaTag("citation_author", a.Title)),
        new("citation_publication_date", Publication.PublishedOn.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture)),
        new("citation_publisher", Publication.Publisher),
        new("citation_technical_report_institution", Publication.Publisher),
        new("citation_series_title", Publication.Series.Title),
        new("citation_technical_report_number", Publication.Code),
        new("citation_pdf_url", PdfUrl),
        new("citation_abstract_html_url", CanonicalUrl),
        new("citation_language", PublicationMetadata.Language),
        .. Publication.Categories.Select(c => new MetaTag("citation_keywords", c.Title)),
    ];

    public IReadOnlyList<MetaTag> OpenGraphTags =>
    [
        new("og:type", "article"),
        new("og:title", Publication.Title),
        new("og:description", Publication.Synopsis),
        new("og:url", CanonicalUrl),
        new("og:site_name", Publication.Publisher),
        new("og:locale", "en_GB"),
        new("og:image", CardUrl),
        new("og:image:type", "image/png"),
        new("og:image:width", "1200"),
        new("og:image:height", "630"),
        new("og:image:alt", CardAlt),
        new("article:published_time", Publication.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("article:modified_time", Rfc3339(Publication.LastModifiedUtc)),
        new("article:section", Publication.Series.Title),
        .. Publication.Authors.Select(a => new MetaTag("article:author", Absolute(a.Url))),
        .. Publication.Categories.Select(c => new MetaTag("article:tag", c.Title)),
    ];

    /// <summary>A large card: every publication has its drawn social card.</summary>
    public IReadOnlyList<MetaTag> TwitterTags =>
    [
        new("twitter:card", "summary_large_image"),
        new("twitter:title", Publication.Title),
        new("twitter:description", Publication.Synopsis),
        new("twitter:image", CardUrl),
        new("twitter:image:alt", CardAlt),
    ];

    /// <summary>
    /// JSON-LD for the page's <c>script type="application/ld+json"</c>: a data block, which browsers never
    /// run, so the CSP without inline script does not apply to it. System.Text.Json escapes &lt; and &gt;,
    /// so no title can close the element early.
    /// </summary>
    public string JsonLd
    {
        get
        {
            var report = new JsonObject
            {
                ["@type"] = "Report",
                ["@id"] = CanonicalUrl + "#publication",
                ["url"] = CanonicalUrl,
                ["mainEntityOfPage"] = CanonicalUrl,
                ["name"] = Publication.Title,
                ["headline"] = Publication.Title,
                ["reportNumber"] = Publication.Code,
                ["identifier"] = Publication.Code,
                ["datePublished"] = Publication.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["dateModified"] = Rfc3339(Publication.LastModifiedUtc),
                ["inLanguage"] = PublicationMetadata.Language,
                ["description"] = Publication.Synopsis,
                ["image"] = new JsonObject
                {
                    ["@type"] = "ImageObject",
                    ["url"] = CardUrl,
                    ["width"] = 1200,
                    ["height"] = 630,
                },
                ["author"] = new JsonArray([.. Publication.Authors.Select(a => (JsonNode)Person(a.Title, Absolute(a.Url)))]),
                ["publisher"] = Organization(),
                ["isPartOf"] = new JsonObject
                {
                    ["@type"] = "CreativeWorkSeries",
                    ["name"] = Publication.Series.Title,
                    ["url"] = Absolute(Publication.Series.Url),
                },
                ["encoding"] = new JsonObject
                {
                    ["@type"] = "MediaObject",
                    ["contentUrl"] = PdfUrl,
                    ["encodingFormat"] = "application/pdf",
                },
            };
            if (Publication.Categories.Count > 0)
            {
                report["keywords"] = string.Join(", ", Publication.Categories.Select(c => c.Title));
            }

            if (Publication.Corrections.Count > 0)
            {
                report["correction"] = new JsonArray([.. Publication.Corrections.Select(c => (JsonNode)new JsonObject
                {
                    ["@type"] = "CorrectionComment",
                    ["text"] = c.Note,
                    ["datePublished"] = Rfc3339(c.AtUtc),
                })]);
            }

            var trail = Breadcrumbs(
                ("RSIS", "/"),
                ("Publications", PortalUrls.Publications),
                (Publication.Series.Title, Publication.Series.Url),
                ($"{Publication.Code} | {Publication.Title}", Publication.Url));
            return Graph(report, trail);
        }
    }

    /// <summary>An author page's JSON-LD: the author as a Person, and the page's breadcrumb trail.</summary>
    public static string AuthorJsonLd(string baseUrl, string name, string slug, string shortTitle, string biographyHtml)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var model = new AbsoluteLinks(baseUrl.TrimEnd('/'));
        var url = model.Absolute(PortalUrls.Author(slug));
        var person = Person(name, url);
        person["@id"] = url + "#person";
        person["mainEntityOfPage"] = url;
        if (!string.IsNullOrWhiteSpace(shortTitle))
        {
            person["jobTitle"] = shortTitle;
        }

        var biography = PlainText(biographyHtml);
        if (biography.Length > 0)
        {
            person["description"] = biography;
        }

        var trail = model.Breadcrumbs(("RSIS", "/"), ("Publications", PortalUrls.Publications), (name, PortalUrls.Author(slug)));
        return Graph(person, trail);
    }

    private string Absolute(string path) => BaseUrl + path;

    private JsonObject Organization() => new()
    {
        ["@type"] = "Organization",
        ["name"] = Publication.Publisher,
        ["url"] = BaseUrl + "/",
    };

    private JsonObject Breadcrumbs(params (string Name, string Path)[] crumbs) => new AbsoluteLinks(BaseUrl).Breadcrumbs(crumbs);

    private static JsonObject Person(string name, string url) => new()
    {
        ["@type"] = "Person",
        ["name"] = name,
        ["url"] = url,
    };

    private static string Graph(params JsonNode[] nodes) => new JsonObject
    {
        ["@context"] = "https://schema.org",
        ["@graph"] = new JsonArray(nodes),
    }.ToJsonString();

    private static string Rfc3339(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The text of sanitised HTML, for a description: tags dropped, entities decoded, whitespace collapsed.</summary>
    private static string PlainText(string html) =>
        string.Join(' ', WebUtility.HtmlDecode(Tags().Replace(html, " ")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    /// <summary>Absolute URLs and breadcrumb lists for a base URL, shared by article and author pages.</summary>
    private sealed class AbsoluteLinks(string baseUrl)
    {
        public string Absolute(string path) => baseUrl + path;

        public JsonObject Breadcrumbs(params (string Name, string Path)[] crumbs) => new()
        {
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = new JsonArray([.. crumbs.Select((c, i) => (JsonNode)new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["name"] = c.Name,
                ["item"] = Absolute(c.Path),
            })]),
        };
    }
}
