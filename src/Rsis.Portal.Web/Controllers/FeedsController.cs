using System.Globalization;
using System.Text;
using System.Xml;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Feeds.GetLatestPublicationsFeed;
using Rsis.Portal.Web.Configuration;

namespace Rsis.Portal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Publications])]
public sealed class FeedsController(ISender sender) : Controller
{
    /// <summary>RSS 2.0 of the latest publications, the footer's "Subscribe to RSIS Publications".</summary>
    [HttpGet("/feeds/publications.rss")]
    public async Task<IActionResult> Publications(CancellationToken cancellationToken)
    {
        var feed = await sender.Send(new GetLatestPublicationsFeed(), cancellationToken);
        var site = $"{Request.Scheme}://{Request.Host}";

        using var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true }))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", feed.Title);
            xml.WriteElementString("link", site + "/publications");
            xml.WriteElementString("description", feed.Description);
            xml.WriteElementString("language", "en");
            xml.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("href", site + Request.Path);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var item in feed.Items)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", $"{item.Code} | {item.Title}");
                xml.WriteElementString("link", site + item.Url);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(site + item.Url);
                xml.WriteEndElement();
                xml.WriteElementString("description", item.Synopsis);
                xml.WriteElementString("category", item.Series.Title);
                xml.WriteElementString("pubDate", item.PublishedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
                    .ToString("r", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }

        return File(buffer.ToArray(), "application/rss+xml; charset=utf-8");
    }
}
