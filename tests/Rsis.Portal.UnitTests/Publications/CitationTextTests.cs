using Rsis.Portal.Application.Common.Models;
using Rsis.Portal.Application.Publications;
using Rsis.Portal.Application.Publications.Citations;

namespace Rsis.Portal.UnitTests.Publications;

/// <summary>The citations of CO13046, written out by hand from the styles' rules, and the rules' edge cases.</summary>
public sealed class CitationTextTests
{
    private const string Url = "https://www.rsis.edu.sg/publications/rsis-commentary-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy";
    private const string Synopsis = "A series of recent statements from Washington and Beijing suggest the US and China may be preparing for an important dialogue on cyber security.";

    private static PublicationMetadata Co13046(params string[] authors) => new(
        "CO13046",
        "US-China Cyber Talks: Internet Security in the Global Economy",
        (authors.Length == 0 ? ["C. Raja Mohan"] : authors).Select(a => new Link(a, "/authors/" + a.ToLowerInvariant().Replace(' ', '-'))).ToList(),
        new DateOnly(2013, 3, 18),
        new DateTime(2026, 11, 26, 7, 0, 0, DateTimeKind.Utc),
        new Link("RSIS Commentary Series", "/publications/rsis-commentary-series"),
        "S. Rajaratnam School of International Studies",
        Synopsis,
        "/publications/rsis-commentary-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy",
        "/publications/rsis-commentary-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy.pdf",
        [new Link("RSIS Commentary Series", "/categories/rsis-commentary-series")],
        []);

    [Fact]
    public void Apa_cites_CO13046_as_a_numbered_report_of_the_school()
    {
        var apa = CitationText.Apa(Co13046(), "https://www.rsis.edu.sg/");

        Assert.Equal(
            "Mohan, C. R. (2013, March 18). US-China Cyber Talks: Internet Security in the Global Economy " +
            "(RSIS Commentary Series No. CO13046). S. Rajaratnam School of International Studies. " + Url,
            apa.Text);
        Assert.Contains("<i>US-China Cyber Talks: Internet Security in the Global Economy</i>", apa.Html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Url}\">{Url}</a>", apa.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Chicago_cites_CO13046_with_the_full_given_name_and_the_day()
    {
        var chicago = CitationText.Chicago(Co13046(), "https://www.rsis.edu.sg");

        Assert.Equal(
            "Mohan, C. Raja. US-China Cyber Talks: Internet Security in the Global Economy. RSIS Commentary Series, " +
            "no. CO13046. S. Rajaratnam School of International Studies, March 18, 2013. " + Url + ".",
            chicago.Text);
    }

    [Fact]
    public void Harvard_cites_CO13046_and_leaves_the_date_of_access_to_the_readers_browser()
    {
        var harvard = CitationText.Harvard(Co13046(), "https://www.rsis.edu.sg");

        Assert.Equal(
            "Mohan, C.R. (2013) US-China Cyber Talks: Internet Security in the Global Economy. RSIS Commentary Series, " +
            "no. CO13046. S. Rajaratnam School of International Studies. Available at: " + Url + ".",
            harvard.Text);
        Assert.EndsWith("</a><span data-cite-accessed></span>.", harvard.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void BibTex_is_a_techreport_keyed_by_the_code_with_the_school_as_institution()
    {
        var bibtex = CitationText.BibTex(Co13046(), "https://www.rsis.edu.sg");

        Assert.Equal(
            "@techreport{CO13046,\n" +
            "  author      = {Mohan, C. Raja},\n" +
            "  title       = {{US-China Cyber Talks: Internet Security in the Global Economy}},\n" +
            "  institution = {S. Rajaratnam School of International Studies},\n" +
            "  type        = {RSIS Commentary Series},\n" +
            "  number      = {CO13046},\n" +
            "  year        = {2013},\n" +
            "  month       = mar,\n" +
            "  date        = {2013-03-18},\n" +
            "  url         = {" + Url + "},\n" +
            "  abstract    = {" + Synopsis + "},\n" +
            "  keywords    = {RSIS Commentary Series},\n" +
            "  language    = {english},\n" +
            "}\n",
            bibtex);
    }

    [Fact]
    public void Ris_is_a_report_record_with_series_number_institution_and_pdf()
    {
        var ris = CitationText.Ris(Co13046(), "https://www.rsis.edu.sg");

        Assert.Equal(
            "TY  - RPRT\r\n" +
            "AU  - Mohan, C. Raja\r\n" +
            "TI  - US-China Cyber Talks: Internet Security in the Global Economy\r\n" +
            "T2  - RSIS Commentary Series\r\n" +
            "SN  - CO13046\r\n" +
            "PB  - S. Rajaratnam School of International Studies\r\n" +
            "PY  - 2013\r\n" +
            "DA  - 2013/03/18/\r\n" +
            "UR  - " + Url + "\r\n" +
            "L1  - " + Url + ".pdf\r\n" +
            "AB  - " + Synopsis + "\r\n" +
            "KW  - RSIS Commentary Series\r\n" +
            "LA  - en\r\n" +
            "ER  - \r\n",
            ris);
    }

    [Fact]
    public void Authors_are_listed_as_each_style_lists_them()
    {
        var two = Co13046("C. Raja Mohan", "Jane Q. Public");
        var four = Co13046("Ann Able", "Ben Baker", "Cy Cole", "Di Dunn");

        Assert.StartsWith("Mohan, C. R., & Public, J. Q. (2013", CitationText.Apa(two, "x").Text, StringComparison.Ordinal);
        Assert.StartsWith("Mohan, C. Raja, and Jane Q. Public. US-China", CitationText.Chicago(two, "x").Text, StringComparison.Ordinal);
        Assert.StartsWith("Mohan, C.R. and Public, J.Q. (2013)", CitationText.Harvard(two, "x").Text, StringComparison.Ordinal);
        Assert.StartsWith("Able, A., Baker, B., Cole, C., & Dunn, D. (2013", CitationText.Apa(four, "x").Text, StringComparison.Ordinal);
        Assert.StartsWith("Able, A. et al. (2013)", CitationText.Harvard(four, "x").Text, StringComparison.Ordinal);
        Assert.Contains("author      = {Able, Ann and Baker, Ben and Cole, Cy and Dunn, Di}", CitationText.BibTex(four, "x"), StringComparison.Ordinal);
        Assert.Equal(4, CitationText.Ris(four, "x").Split("\r\n").Count(l => l.StartsWith("AU  - ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("C. Raja Mohan", "C. Raja", "Mohan", "C. R.")]
    [InlineData("Tan, See Seng", "See Seng", "Tan", "S. S.")]
    [InlineData("Jean-Paul Sartre", "Jean-Paul", "Sartre", "J.-P.")]
    [InlineData("  Barry   Desker ", "Barry", "Desker", "B.")]
    [InlineData("ASEAN", "", "ASEAN", "")]
    public void Names_split_into_given_and_family(string name, string given, string family, string initials)
    {
        var parsed = PersonName.Parse(name);

        Assert.Equal((given, family, initials), (parsed.Given, parsed.Family, parsed.Initials(" ")));
    }

    [Fact]
    public void TeX_markup_in_a_title_is_escaped_and_line_breaks_never_reach_an_ris_line()
    {
        var odd = Co13046() with { Title = "100% {Growth} & $Costs_#1", Synopsis = "Line one\nTY  - JOUR" };

        Assert.Contains(@"title       = {{100\% \{Growth\} \& \$Costs\_\#1}},", CitationText.BibTex(odd, "x"), StringComparison.Ordinal);
        Assert.Contains("AB  - Line one TY  - JOUR\r\n", CitationText.Ris(odd, "x"), StringComparison.Ordinal);
        Assert.Single(CitationText.Ris(odd, "x").Split("\r\n"), l => l.StartsWith("TY  - ", StringComparison.Ordinal));
    }

    [Fact]
    public void Markup_in_a_title_is_encoded_in_the_html_citation()
    {
        var html = CitationText.Apa(Co13046() with { Title = "<script>alert(1)</script>" }, "x").Html;

        Assert.Contains("<i>&lt;script&gt;alert(1)&lt;/script&gt;</i>", html, StringComparison.Ordinal);
    }
}
