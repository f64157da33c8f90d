using System.Text;
using System.Xml;

namespace Rsis.Portal.Web.Harvesting;

/// <summary>
/// Writes OAI-PMH 2.0 responses (<c>http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd</c>) with Dublin Core records
/// (<c>oai_dc</c>). URLs in the metadata are made absolute with <see cref="BaseUrl"/>; identifiers are
/// <c>oai:{host}:{code}</c>.
/// </summary>
public sealed class OaiPmhDocument(string baseUrl, DateTime responseDateUtc)
{
    public const string ContentType = "text/xml; charset=utf-8";
    public const string DublinCorePrefix = "oai_dc";
    public const string DublinCoreSchema = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    public const string DublinCoreNamespace = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public const string Path = "/oai";

    private const string OaiNamespace = "http://www.openarchives.org/OAI/2.0/";
    private const string OaiSchema = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";
    private const string ElementsNamespace = "http://purl.org/dc/elements/1.1/";
    private const string InstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    private readonly string _host = new Uri(baseUrl).Host;

    public string BaseUrl { get; } = baseUrl;

    /// <summary>The identifier of the publication coded <paramref name="code"/>.</summary>
    public string IdentifierOf(string code) => $"oai:{_host}:{code}";

    /// <summary>The code an identifier of this repository names; null when it names none here.</summary>
    public string? CodeOf(string identifier)
    {
        var prefix = $"oai:{_host}:";
        return identifier.StartsWith(prefix, StringComparison.Ordinal) && identifier.Length > prefix.Length ? identifier[prefix.Length..] : null;
    }

    public byte[] Error(IReadOnlyDictionary<string, string> arguments, OaiPmhError error) =>
        Write(error.EchoesArguments ? arguments : null, xml =>
        {
            xml.WriteStartElement("error", OaiNamespace);
            xml.WriteAttributeString("code", error.Code);
            xml.WriteString(error.Message);
            xml.WriteEndElement();
        });

    public byte[] Identify(IReadOnlyDictionary<string, string> arguments, string repositoryName, string adminEmail, DateTime earliestDatestampUtc) =>
        Write(arguments, xml =>
        {
            xml.WriteStartElement("Identify", OaiNamespace);
            xml.WriteElementString("repositoryName", OaiNamespace, repositoryName);
            xml.WriteElementString("baseURL", OaiNamespace, BaseUrl + Path);
            xml.WriteElementString("protocolVersion", OaiNamespace, "2.0");
            xml.WriteElementString("adminEmail", OaiNamespace, adminEmail);
            xml.WriteElementString("earliestDatestamp", OaiNamespace, Format(earliestDatestampUtc));
            // A deleted publication is reported while it is in the Trash; once purged it is gone without trace.
            xml.WriteElementString("deletedRecord", OaiNamespace, "transient");
            xml.WriteElementString("granularity", OaiNamespace, "YYYY-MM-DDThh:mm:ssZ");
            xml.WriteEndElement();
        });

    public byte[] ListMetadataFormats(IReadOnlyDictionary<string, string> arguments) =>
        Write(arguments, xml =>
        {
            xml.WriteStartElement("ListMetadataFormats", OaiNamespace);
            xml.WriteStartElement("metadataFormat", OaiNamespace);
            xml.WriteElementString("metadataPrefix", OaiNamespace, DublinCorePrefix);
            xml.WriteElementString("schema", OaiNamespace, DublinCoreSchema);
            xml.WriteElementString("metadataNamespace", OaiNamespace, DublinCoreNamespace);
            xml.WriteEndElement();
            xml.WriteEndElement();
        });

    public byte[] ListSets(IReadOnlyDictionary<string, string> arguments, IReadOnlyList<HarvestSet> sets) =>
        Write(arguments, xml =>
        {
            xml.WriteStartElement("ListSets", OaiNamespace);
            foreach (var set in sets)
            {
                xml.WriteStartElement("set", OaiNamespace);
                xml.WriteElementString("setSpec", OaiNamespace, set.Spec);
                xml.WriteElementString("setName", OaiNamespace, set.Name);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });

    public byte[] GetRecord(IReadOnlyDictionary<string, string> arguments, HarvestRecord record) =>
        Write(arguments, xml =>
        {
            xml.WriteStartElement("GetRecord", OaiNamespace);
            WriteRecord(xml, record);
            xml.WriteEndElement();
        });

    /// <summary>
    /// A page of ListRecords or ListIdentifiers (as <paramref name="verb"/> says). <paramref name="resumption"/> is
    /// null for a list complete in one page; its token is empty on the last page of a longer one.
    /// </summary>
    public byte[] List(
        IReadOnlyDictionary<string, string> arguments, OaiVerb verb, IReadOnlyList<HarvestRecord> records, Resumption? resumption) =>
        Write(arguments, xml =>
        {
            xml.WriteStartElement(verb.ToString(), OaiNamespace);
            foreach (var record in records)
            {
                if (verb == OaiVerb.ListRecords)
                {
                    WriteRecord(xml, record);
                }
                else
                {
                    WriteHeader(xml, record.Header);
                }
            }

            if (resumption is not null)
            {
                xml.WriteStartElement("resumptionToken", OaiNamespace);
                if (resumption.Expires is { } expires)
                {
                    xml.WriteAttributeString("expirationDate", Format(expires.UtcDateTime));
                }

                xml.WriteAttributeString("completeListSize", resumption.CompleteListSize.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("cursor", resumption.Cursor.ToString(CultureInfo.InvariantCulture));
                xml.WriteString(resumption.Token);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });

    private byte[] Write(IReadOnlyDictionary<string, string>? arguments, Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("OAI-PMH", OaiNamespace);
            xml.WriteAttributeString("xmlns", "xsi", null, InstanceNamespace);
            xml.WriteAttributeString("schemaLocation", InstanceNamespace, $"{OaiNamespace} {OaiSchema}");
            xml.WriteElementString("responseDate", OaiNamespace, Format(responseDateUtc));
            xml.WriteStartElement("request", OaiNamespace);
            foreach (var (name, value) in arguments ?? new Dictionary<string, string>())
            {
                xml.WriteAttributeString(name, value);
            }

            xml.WriteString(BaseUrl + Path);
            xml.WriteEndElement();
            body(xml);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private void WriteRecord(XmlWriter xml, HarvestRecord record)
    {
        xml.WriteStartElement("record", OaiNamespace);
        WriteHeader(xml, record.Header);
        if (record.Metadata is { } metadata)
        {
            xml.WriteStartElement("metadata", OaiNamespace);
            WriteDublinCore(xml, metadata);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private void WriteHeader(XmlWriter xml, HarvestHeader header)
    {
        xml.WriteStartElement("header", OaiNamespace);
        if (header.IsDeleted)
        {
            xml.WriteAttributeString("status", "deleted");
        }

        xml.WriteElementString("identifier", OaiNamespace, IdentifierOf(header.Code));
        xml.WriteElementString("datestamp", OaiNamespace, Format(header.DatestampUtc));
        foreach (var spec in header.SetSpecs)
        {
            xml.WriteElementString("setSpec", OaiNamespace, spec);
        }

        xml.WriteEndElement();
    }

    /// <summary>Unqualified Dublin Core, field for field what the article page's Highwire tags say.</summary>
    private void WriteDublinCore(XmlWriter xml, PublicationMetadata metadata)
    {
        xml.WriteStartElement(DublinCorePrefix, "dc", DublinCoreNamespace);
        xml.WriteAttributeString("xmlns", "dc", null, ElementsNamespace);
        xml.WriteAttributeString("xsi", "schemaLocation", InstanceNamespace, $"{DublinCoreNamespace} {DublinCoreSchema}");
        Element("title", metadata.Title);
        foreach (var author in metadata.Authors)
        {
            Element("creator", author.Title);
        }

        foreach (var category in metadata.Categories)
        {
            Element("subject", category.Title);
        }

        if (!string.IsNullOrWhiteSpace(metadata.Synopsis))
        {
            Element("description", metadata.Synopsis);
        }

        Element("publisher", metadata.Publisher);
        Element("date", metadata.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Element("type", "Text");
        Element("identifier", BaseUrl + metadata.Url);
        Element("identifier", metadata.Code);
        Element("relation", BaseUrl + metadata.PdfUrl);
        // The series is what a journal is to an article: where it appeared.
        Element("source", metadata.Series.Title);
        Element("language", PublicationMetadata.Language);
        xml.WriteEndElement();

        void Element(string name, string value) => xml.WriteElementString("dc", name, ElementsNamespace, value);
    }

    private static string Format(DateTime utc) => utc.ToString(OaiDate.SecondFormat, CultureInfo.InvariantCulture);
}

/// <summary>The resumptionToken element of a page: empty <see cref="Token"/> (and no expiry) on the last page.</summary>
public sealed record Resumption(string Token, DateTimeOffset? Expires, int CompleteListSize, int Cursor);
