using System.Net;
using System.Text;

namespace Rsis.Portal.Application.Publications.Citations;

/// <summary>A citation as text to copy and as HTML to show (the title in italics, the URL a link).</summary>
public sealed record Citation(string Style, string Text, string Html);

/// <summary>
/// Citations of a publication in the styles readers ask for, as a numbered report in a series by the
/// school. Decisions every style shares:
/// <list type="bullet">
/// <item>the title keeps the capitals it is published with: sentence case (APA) cannot be made
/// automatically without lowering proper nouns ("China", "Internet"), which is why reference managers
/// do not do it either;</item>
/// <item>the series and the code stand for the report's series and number;</item>
/// <item>no place of publication (the portal does not record one; Chicago 18 no longer asks for it) and no
/// date of access (pages are cached for everyone, so the page cannot know the reader's date; the Harvard
/// citation gets it in the reader's browser).</item>
/// </list>
/// </summary>
public static class CitationText
{
    public static Citation Apa(PublicationMetadata publication, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var names = publication.Authors.Select(a => PersonName.Parse(a.Title)).ToList();
        var text = new CitationBuilder("APA 7");
        if (names.Count > 0)
        {
            text.Plain(ApaAuthors(names.Select(n => n.Given.Length == 0 ? n.Family : $"{n.Family}, {n.Initials(" ")}").ToList()) + " ");
        }

        text.Plain($"({publication.PublishedOn.Year}, {Month(publication.PublishedOn)} {publication.PublishedOn.Day}). ");
        text.Italic(publication.Title);
        text.Plain($" ({publication.Series.Title} No. {publication.Code}). {Sentence(publication.Publisher)} ");
        text.Link(Absolute(publication.Url, baseUrl));
        return text.Build();
    }

    public static Citation Chicago(PublicationMetadata publication, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var names = publication.Authors.Select(a => PersonName.Parse(a.Title)).ToList();
        var text = new CitationBuilder("Chicago 18 (bibliography)");
        if (names.Count > 0)
        {
            text.Plain(Sentence(ChicagoAuthors(names)) + " ");
        }

        text.Italic(Sentence(publication.Title));
        text.Plain($" {publication.Series.Title}, no. {publication.Code}. {publication.Publisher}, {Month(publication.PublishedOn)} {publication.PublishedOn.Day}, {publication.PublishedOn.Year}. ");
        text.Link(Absolute(publication.Url, baseUrl));
        text.Plain(".");
        return text.Build();
    }

    public static Citation Harvard(PublicationMetadata publication, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var names = publication.Authors.Select(a => PersonName.Parse(a.Title)).ToList();
        var text = new CitationBuilder("Harvard (Cite Them Right)");
        if (names.Count > 0)
        {
            text.Plain(HarvardAuthors(names.Select(n => n.Given.Length == 0 ? n.Family : $"{n.Family}, {n.Initials("")}").ToList()) + " ");
        }

        text.Plain($"({publication.PublishedOn.Year}) ");
        text.Italic(Sentence(publication.Title));
        text.Plain($" {publication.Series.Title}, no. {publication.Code}. {Sentence(publication.Publisher)} Available at: ");
        text.Link(Absolute(publication.Url, baseUrl));
        text.AccessedSlot();
        text.Plain(".");
        return text.Build();
    }

    /// <summary>A BibTeX <c>@techreport</c> entry keyed by the code; the title braced so its capitals survive any style.</summary>
    public static string BibTex(PublicationMetadata publication, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var fields = new List<(string Name, string Value)>
        {
            ("author", string.Join(" and ", publication.Authors.Select(a => TeX(PersonName.Parse(a.Title).Inverted)))),
            ("title", "{" + TeX(publication.Title) + "}"),
            ("institution", TeX(publication.Publisher)),
            ("type", TeX(publication.Series.Title)),
            ("number", TeX(publication.Code)),
            ("year", publication.PublishedOn.Year.ToString(CultureInfo.InvariantCulture)),
            ("month", ""),
            ("date", publication.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("url", Absolute(publication.Url, baseUrl)),
            ("abstract", TeX(publication.Synopsis)),
            ("keywords", TeX(string.Join(", ", publication.Categories.Select(c => c.Title)))),
            ("language", "english"),
        };

        var entry = new StringBuilder();
        entry.Append("@techreport{").Append(Key(publication.Code)).Append(",\n");
        foreach (var (name, value) in fields.Where(f => f.Name == "month" || f.Value.Length > 0))
        {
            // The month is a BibTeX macro (mar), not a braced string, so styles can print it in any language.
            var written = name == "month" ? MonthMacro(publication.PublishedOn) : "{" + value + "}";
            entry.Append("  ").Append(name.PadRight(11)).Append(" = ").Append(written).Append(",\n");
        }

        entry.Append("}\n");
        return entry.ToString();
    }

    /// <summary>
    /// An RIS record of type RPRT, with the tags Zotero, EndNote and Mendeley read for a report: T2 the
    /// series, SN the report number, PB the institution, L1 the PDF. Lines end in CRLF, as the format has it.
    /// </summary>
    public static string Ris(PublicationMetadata publication, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var lines = new List<(string Tag, string Value)> { ("TY", "RPRT") };
        lines.AddRange(publication.Authors.Select(a => ("AU", PersonName.Parse(a.Title).Inverted)));
        lines.Add(("TI", publication.Title));
        lines.Add(("T2", publication.Series.Title));
        lines.Add(("SN", publication.Code));
        lines.Add(("PB", publication.Publisher));
        lines.Add(("PY", publication.PublishedOn.Year.ToString(CultureInfo.InvariantCulture)));
        lines.Add(("DA", publication.PublishedOn.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture)));
        lines.Add(("UR", Absolute(publication.Url, baseUrl)));
        lines.Add(("L1", Absolute(publication.PdfUrl, baseUrl)));
        lines.Add(("AB", publication.Synopsis));
        lines.AddRange(publication.Categories.Select(c => ("KW", c.Title)));
        lines.Add(("LA", PublicationMetadata.Language));
        lines.Add(("ER", ""));

        // A value is one line: any line break in it would start a bogus tag.
        return string.Concat(lines.Select(l => $"{l.Tag}  - {OneLine(l.Value)}\r\n"));
    }

    public static string Absolute(string path, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return baseUrl.TrimEnd('/') + path;
    }

    private static string ApaAuthors(List<string> names) => names.Count switch
    {
        1 => names[0],
        2 => $"{names[0]}, & {names[1]}",
        <= 20 => string.Join(", ", names.Take(names.Count - 1)) + $", & {names[^1]}",
        // APA 7: the first nineteen, an ellipsis, the last.
        _ => string.Join(", ", names.Take(19)) + $", . . . {names[^1]}",
    };

    private static string ChicagoAuthors(List<PersonName> names)
    {
        // Chicago 18: the first name inverted, the others not; more than six, the first three and "et al."
        var written = names.Select((n, i) => i == 0 ? n.Inverted : n.Natural).ToList();
        return written.Count switch
        {
            1 => written[0],
            2 => $"{written[0]}, and {written[1]}",
            <= 6 => string.Join(", ", written.Take(written.Count - 1)) + $", and {written[^1]}",
            _ => string.Join(", ", written.Take(3)) + ", et al",
        };
    }

    private static string HarvardAuthors(List<string> names) => names.Count switch
    {
        1 => names[0],
        2 => $"{names[0]} and {names[1]}",
        3 => $"{names[0]}, {names[1]} and {names[2]}",
        // Cite Them Right: four or more, the first and "et al."
        _ => $"{names[0]} et al.",
    };

    private static string Month(DateOnly date) => date.ToString("MMMM", CultureInfo.InvariantCulture);

    private static string MonthMacro(DateOnly date) => date.ToString("MMM", CultureInfo.InvariantCulture).ToLowerInvariant();

    /// <summary>Ends <paramref name="text"/> with a full stop unless it already ends a sentence.</summary>
    private static string Sentence(string text) => text.EndsWith('.') || text.EndsWith('?') || text.EndsWith('!') ? text : text + ".";

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A citation key of letters, digits and hyphens only.</summary>
    private static string Key(string code) => new(code.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());

    /// <summary>Escapes what TeX would read as markup; everything else stays UTF-8 (biber and bibtex8 read it).</summary>
    private static string TeX(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in OneLine(text))
        {
            escaped.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\{",
                '}' => @"\}",
                '%' => @"\%",
                '&' => @"\&",
                '$' => @"\$",
                '#' => @"\#",
                '_' => @"\_",
                '^' => @"\textasciicircum{}",
                '~' => @"\textasciitilde{}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Builds a citation's text and HTML side by side, so the two never say different things.</summary>
    private sealed class CitationBuilder(string style)
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _html = new();

        public void Plain(string text)
        {
            _text.Append(text);
            _html.Append(WebUtility.HtmlEncode(text));
        }

        public void Italic(string text)
        {
            _text.Append(text);
            _html.Append("<i>").Append(WebUtility.HtmlEncode(text)).Append("</i>");
        }

        public void Link(string url)
        {
            _text.Append(url);
            var encoded = WebUtility.HtmlEncode(url);
            _html.Append("<a href=\"").Append(encoded).Append("\">").Append(encoded).Append("</a>");
        }

        /// <summary>Where the reader's browser writes " (Accessed: 26 November 2026)".</summary>
        public void AccessedSlot() => _html.Append("<span data-cite-accessed></span>");

        public Citation Build() => new(style, _text.ToString(), _html.ToString());
    }
}
