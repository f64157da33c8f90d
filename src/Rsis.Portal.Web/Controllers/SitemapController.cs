using System.Text;
using System.Xml;
using Rsis.Portal.Web.Feeds;

namespace Rsis.Portal.Web.Controllers;

/// <summary>For crawlers: <c>/robots.txt</c>, and <c>/sitemap.xml</c> (an index of <c>/sitemap-1.xml</c>, … past 50,000 addresses).</summary>
[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Publications, CacheTags.Pages, CacheTags.Events])]
public sealed class SitemapController(ISender sender, IOptions<SiteOptions> site) : Controller
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [HttpGet("/sitemap.xml")]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => SitemapAsync(null, cancellationToken);

    [HttpGet("/sitemap-{part:int}.xml")]
    public Task<IActionResult> Part(int part, CancellationToken cancellationToken) => SitemapAsync(part, cancellationToken);

    /// <summary>Keeps crawlers out of the admin area and the endless combinations of search filters.</summary>
    [HttpGet("/robots.txt")]
    public IActionResult Robots()
    {
        var text = $"""
            User-agent: *
            Disallow: /admin
            Disallow: /search

            Sitemap: {site.Value.BaseUrlFor(Request)}/sitemap.xml

            """;
        return Content(text.ReplaceLineEndings("\n"), "text/plain; charset=utf-8", Encoding.UTF8);
    }

    private async Task<IActionResult> SitemapAsync(int? part, CancellationToken cancellationToken)
    {
        var sitemap = await sender.Send(new GetSitemap(part, site.Value.SitemapUrlsPerFile), cancellationToken);
        if (sitemap is null)
        {
            return NotFound();
        }

        var baseUrl = site.Value.BaseUrlFor(Request);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            if (sitemap.IsIndex)
            {
                xml.WriteStartElement("sitemapindex", SitemapNamespace);
                for (var i = 1; i <= sitemap.PartCount; i++)
                {
                    xml.WriteStartElement("sitemap", SitemapNamespace);
                    xml.WriteElementString("loc", SitemapNamespace, string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/sitemap-{i}.xml"));
                    xml.WriteEndElement();
                }
            }
            else
            {
                xml.WriteStartElement("urlset", SitemapNamespace);
                foreach (var url in sitemap.Urls)
                {
                    xml.WriteStartElement("url", SitemapNamespace);
                    xml.WriteElementString("loc", SitemapNamespace, baseUrl + url.Path);
                    if (url.LastModifiedUtc is { } lastModified)
                    {
                        // W3C Datetime, as the sitemap protocol asks.
                        xml.WriteElementString("lastmod", SitemapNamespace, lastModified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    }

                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return ConditionalFile.For(buffer.ToArray(), "application/xml; charset=utf-8", sitemap.LastModifiedUtc);
    }
}
