using System.Text;
using System.Xml;

namespace Rsis.Portal.Web.Feeds;

/// <summary>
/// Writes a <see cref="PublicationsFeed"/> as RSS 2.0 or Atom (RFC 4287): absolute URLs, RFC 822 dates in
/// RSS and RFC 3339 in Atom, and an id per entry that stays the same when a slug changes.
/// </summary>
public static class FeedDocuments
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    public const string RssContentType = "application/rss+xml; charset=utf-8";
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    public static byte[] Rss(PublicationsFeed feed, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return Write(xml =>
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            xml.WriteAttributeString("xmlns", "dc", null, DublinCoreNamespace);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", feed.Title);
            xml.WriteElementString("link", baseUrl + feed.PageUrl);
            xml.WriteElementString("description", AsHtmlText(feed.Description));
            xml.WriteElementString("language", "en");
            xml.WriteElementString("lastBuildDate", Rfc822(feed.UpdatedUtc));
            xml.WriteStartElement("atom", "link", AtomNamespace);
            xml.WriteAttributeString("href", baseUrl + feed.RssUrl);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var entry in feed.Entries)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", entry.Heading);
                xml.WriteElementString("link", baseUrl + entry.Url);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString(EntryId(entry, baseUrl));
                xml.WriteEndElement();
                xml.WriteElementString("description", AsHtmlText(entry.Synopsis));
                // RSS's own <author> must be an e-mail address; Dublin Core's creator is the name.
                foreach (var author in entry.Authors)
                {
                    xml.WriteElementString("dc", "creator", DublinCoreNamespace, author.Title);
                }

                xml.WriteElementString("category", entry.Series.Title);
                foreach (var category in entry.Categories.Where(c => c != entry.Series.Title))
                {
                    xml.WriteElementString("category", category);
                }

                xml.WriteElementString("pubDate", Rfc822(entry.PublishedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }

    public static byte[] Atom(PublicationsFeed feed, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return Write(xml =>
        {
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, "en");
            xml.WriteElementString("id", AtomNamespace, baseUrl + feed.AtomUrl);
            xml.WriteElementString("title", AtomNamespace, feed.Title);
            xml.WriteElementString("subtitle", AtomNamespace, feed.Description);
            Link(xml, "self", "application/atom+xml", baseUrl + feed.AtomUrl);
            Link(xml, "alternate", "text/html", baseUrl + feed.PageUrl);
            xml.WriteElementString("updated", AtomNamespace, Rfc3339(feed.UpdatedUtc));
            // The feed's author stands for any entry without one of its own.
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, feed.Publisher);
            xml.WriteElementString("uri", AtomNamespace, baseUrl + "/");
            xml.WriteEndElement();
            foreach (var entry in feed.Entries)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, EntryId(entry, baseUrl));
                xml.WriteElementString("title", AtomNamespace, entry.Heading);
                Link(xml, "alternate", "text/html", baseUrl + entry.Url);
                if (entry.PdfUrl.Length > 0)
                {
                    Link(xml, "related", "application/pdf", baseUrl + entry.PdfUrl);
                }

                xml.WriteElementString("published", AtomNamespace, Rfc3339(entry.PublishedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
                xml.WriteElementString("updated", AtomNamespace, Rfc3339(entry.UpdatedUtc));
                foreach (var author in entry.Authors)
                {
                    xml.WriteStartElement("author", AtomNamespace);
                    xml.WriteElementString("name", AtomNamespace, author.Title);
                    xml.WriteElementString("uri", AtomNamespace, baseUrl + author.Url);
                    xml.WriteEndElement();
                }

                foreach (var category in entry.Categories.Prepend(entry.Series.Title).Distinct())
                {
                    xml.WriteStartElement("category", AtomNamespace);
                    xml.WriteAttributeString("term", category);
                    xml.WriteEndElement();
                }

                xml.WriteStartElement("summary", AtomNamespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Synopsis);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>
    /// A tag URI (RFC 4151) from the publication's code, which never changes, and its date: readers keep
    /// an entry they have seen even after its title, slug or series changes.
    /// </summary>
    public static string EntryId(FeedEntry entry, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var host = new Uri(baseUrl).Host;
        return string.Create(CultureInfo.InvariantCulture, $"tag:{host},{entry.PublishedOn:yyyy-MM-dd}:{entry.Collection}/{entry.Code}");
    }

    /// <summary>
    /// RSS readers show a description as HTML (Atom says "text" instead): plain text is HTML-encoded first,
    /// and the XML writer encodes that again, so "&lt;script&gt;" in a synopsis reaches the reader as words.
    /// Only the three characters that HTML reads as markup are encoded, so other text stays as it is.
    /// </summary>
    private static string AsHtmlText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>RFC 822 as RSS 2.0 writes it: "Mon, 18 Mar 2013 00:00:00 GMT".</summary>
    public static string Rfc822(DateTime utc) => utc.ToString("r", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in UTC: "2013-03-18T00:00:00Z".</summary>
    public static string Rfc3339(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }
}
