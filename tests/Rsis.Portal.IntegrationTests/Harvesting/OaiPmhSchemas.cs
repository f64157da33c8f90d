using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Rsis.Portal.IntegrationTests.Harvesting;

/// <summary>
/// The protocol's own schemas, shipped beside the tests (<c>Harvesting/Schemas</c>): OAI-PMH.xsd (2004-10-12),
/// oai_dc.xsd, the DCMI simpledc20021212.xsd it imports and the W3C's xml.xsd that one imports. Read without the
/// network: the import of <c>http://www.w3.org/2001/03/xml.xsd</c> is answered with the local copy.
/// </summary>
public static class OaiPmhSchemas
{
    public const string OaiNamespace = "http://www.openarchives.org/OAI/2.0/";
    public const string DublinCoreNamespace = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public const string ElementsNamespace = "http://purl.org/dc/elements/1.1/";

    public static readonly XNamespace Oai = OaiNamespace;
    public static readonly XNamespace Elements = ElementsNamespace;

    private static readonly Lazy<XmlSchemaSet> Set = new(Load);

    /// <summary>The response parsed, after checking it against the schemas; every error and warning fails the test.</summary>
    public static XDocument Validate(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Set.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            XmlResolver = null,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at line {e.Exception.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.True(problems.Count == 0, "The response does not validate:\n" + string.Join('\n', problems) + "\n" + xml);
        return XDocument.Parse(xml);
    }

    private static XmlSchemaSet Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Harvesting", "Schemas");
        var set = new XmlSchemaSet { XmlResolver = new LocalFiles(folder) };
        set.Add(OaiNamespace, Path.Combine(folder, "OAI-PMH.xsd"));
        set.Add(DublinCoreNamespace, Path.Combine(folder, "oai_dc.xsd"));
        set.Compile();
        return set;
    }

    /// <summary>Opens the schema files of the folder, and the local copy of the W3C's xml.xsd for its address; nothing else.</summary>
    private sealed class LocalFiles(string folder) : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (absoluteUri.AbsoluteUri == "http://www.w3.org/2001/03/xml.xsd")
            {
                return File.OpenRead(Path.Combine(folder, "xml.xsd"));
            }

            return absoluteUri.IsFile && Path.GetDirectoryName(absoluteUri.LocalPath) == folder
                ? File.OpenRead(absoluteUri.LocalPath)
                : throw new XmlException($"No network in tests: {absoluteUri} is not read.");
        }
    }
}
