using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rsis.Portal.Application.Common.Text;
using Rsis.Portal.Domain.Publications;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Rsis.Portal.Infrastructure.Seeding;

/// <summary>
/// The seed as shipped in <c>Seeding/Data</c>: the source page's commentary, author, series, menu, pages
/// and footer. Read once from the embedded files; <see cref="PortalSeeder"/> writes it to the database.
/// </summary>
public sealed class SeedData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private readonly Lazy<SeedSet> _set;
    private readonly Lazy<string> _version;

    public SeedData() : this(ReadEmbedded, ListEmbedded()) { }

    /// <summary>Reads the seed through <paramref name="readFile"/> (a path such as "menu.json" to its text).</summary>
    internal SeedData(Func<string, string?> readFile, IReadOnlyList<string> files)
    {
        _set = new Lazy<SeedSet>(() => Parse(readFile, files));
        _version = new Lazy<string>(() => Fingerprint(readFile, files));
    }

    /// <summary>
    /// Names this seed and the build that applies it (32 hex digits), without parsing it: the same on every
    /// start of one build over the same files, different once either changes.
    /// </summary>
    public string Version => _version.Value;

    public IReadOnlyList<SeedSeries> Series => _set.Value.Series;
    public IReadOnlyList<SeedAuthor> Authors => _set.Value.Authors;
    public IReadOnlyList<SeedCategory> Categories => _set.Value.Categories;
    public IReadOnlyList<SeedPage> Pages => _set.Value.Pages;
    public IReadOnlyList<SeedPublication> Publications => _set.Value.Publications;
    public IReadOnlyList<SeedMenuItem> Menu => _set.Value.Menu;
    public SeedSite Site => _set.Value.Site;

    private sealed record SeedSet(
        IReadOnlyList<SeedSeries> Series,
        IReadOnlyList<SeedAuthor> Authors,
        IReadOnlyList<SeedCategory> Categories,
        IReadOnlyList<SeedPage> Pages,
        IReadOnlyList<SeedPublication> Publications,
        IReadOnlyList<SeedMenuItem> Menu,
        SeedSite Site);

    private static SeedSet Parse(Func<string, string?> readFile, IReadOnlyList<string> files)
    {
        string Read(string path) => readFile(path) ?? throw new InvalidDataException($"The seed file {path} is missing.");
        T ReadJson<T>(string path) => JsonSerializer.Deserialize<T>(Read(path), Json)
            ?? throw new InvalidDataException($"The seed file {path} is empty.");

        var seriesFile = ReadJson<SeriesFile>("series.json");
        var series = seriesFile.RsisPublications.Select((s, i) => s with { Group = SeriesGroup.RsisPublications, SortOrder = i + 1 })
            .Concat(seriesFile.ExternalPublications.Select((s, i) => s with { Group = SeriesGroup.ExternalPublications, SortOrder = i + 1 }))
            .ToList();

        var pages = files.Where(f => f.StartsWith("pages/", StringComparison.Ordinal) && f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => ParsePage(Path.GetFileNameWithoutExtension(f), Read(f)))
            .ToList();
        var publications = files.Where(f => f.StartsWith("publications/", StringComparison.Ordinal) && f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => ParsePublication(f, Read(f)))
            .ToList();

        return new SeedSet(
            series,
            ReadJson<AuthorsFile>("authors.json").Authors,
            ReadJson<CategoriesFile>("categories.json").Categories,
            pages,
            publications,
            ReadJson<MenuFile>("menu.json").Menu,
            ReadJson<SeedSite>("site.json"));
    }

    internal static SeedPage ParsePage(string slug, string text)
    {
        var (frontMatter, body) = FrontMatter.Split(text);
        var meta = Yaml.Deserialize<PageFrontMatter>(frontMatter) ?? new PageFrontMatter();
        return new SeedPage(
            meta.Title ?? throw new InvalidDataException($"The page {slug} has no title."),
            slug,
            body.Trim(),
            meta.ShowsContactDetails);
    }

    internal static SeedPublication ParsePublication(string path, string text)
    {
        var (frontMatter, body) = FrontMatter.Split(text);
        var meta = Yaml.Deserialize<PublicationFrontMatter>(frontMatter)
            ?? throw new InvalidDataException($"{path} has no front matter.");
        string Required(string? value, string name) =>
            string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"{path} has no {name}.") : value.Trim();

        var code = Required(meta.Code, "code");
        var title = Required(meta.Title, "title");
        return new SeedPublication(
            code,
            title,
            Slug.From($"{code} {title}"),
            Required(meta.Series, "series"),
            DateOnly.ParseExact(Required(meta.PublishedOn, "publishedOn"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            meta.Authors ?? [],
            meta.Categories ?? [],
            Required(meta.Synopsis, "synopsis"),
            body.Trim(),
            meta.AboutTheAuthors?.Trim() ?? "");
    }

    private static string Fingerprint(Func<string, string?> readFile, IReadOnlyList<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The seeder's code is in this assembly too, and a deterministic build gives new code a new module id.
        hash.AppendData(typeof(SeedData).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{file}\0{readFile(file)}\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    internal static string? ReadEmbedded(string path)
    {
        using var stream = typeof(SeedData).Assembly.GetManifestResourceStream("Seed/" + path);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static List<string> ListEmbedded() =>
        typeof(SeedData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Seed/", StringComparison.Ordinal))
            .Select(n => n["Seed/".Length..].Replace('\\', '/'))
            .ToList();

    private sealed record SeriesFile(List<SeedSeries> RsisPublications, List<SeedSeries> ExternalPublications);

    private sealed record AuthorsFile(List<SeedAuthor> Authors);

    private sealed record CategoriesFile(List<SeedCategory> Categories);

    private sealed record MenuFile(List<SeedMenuItem> Menu);

    private sealed class PageFrontMatter
    {
        public string? Title { get; set; }
        public bool ShowsContactDetails { get; set; }
    }

    private sealed class PublicationFrontMatter
    {
        public string? Code { get; set; }
        public string? Title { get; set; }
        public string? Series { get; set; }
        public string? PublishedOn { get; set; }
        public List<string>? Authors { get; set; }
        public List<string>? Categories { get; set; }
        public string? Synopsis { get; set; }
        public string? AboutTheAuthors { get; set; }
    }
}

public sealed record SeedSeries(string Name, string Slug, string? CodePrefix)
{
    public SeriesGroup Group { get; init; }
    public int SortOrder { get; init; }
}

public sealed record SeedAuthor(string Name, string Slug, string? ShortTitle, string? Biography);

public sealed record SeedCategory(string Name, string Slug);

public sealed record SeedPage(string Title, string Slug, string Body, bool ShowsContactDetails);

public sealed record SeedPublication(
    string Code,
    string Title,
    string Slug,
    string SeriesSlug,
    DateOnly PublishedOn,
    IReadOnlyList<string> AuthorSlugs,
    IReadOnlyList<string> CategorySlugs,
    string Synopsis,
    string Body,
    string AboutTheAuthors);

/// <summary>A menu entry: a series, page or URL target, or none (its own section page).</summary>
public sealed record SeedMenuItem(string Title, string? Slug, string? Series, string? Page, string? Url, List<SeedMenuItem>? Children);

public sealed record SeedSite(SeedSiteSettings Settings, SeedSiteLinks Links);

public sealed record SeedSiteSettings(
    string SchoolName,
    string Tagline,
    string Motto,
    string UniversityName,
    string Address,
    string DirectionsUrl,
    string Copyright,
    string CookieNotice);

public sealed record SeedSiteLinks(
    List<SeedLink> PopularLinks,
    List<SeedLink> Social,
    List<SeedLink> Subscribe,
    List<SeedLink> Contact,
    List<SeedLink> Legal);

public sealed record SeedLink(string Title, string Url, string? Network);
