namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>Facts copied by hand from the source page (shared/seed/rsis-commentary-CO13046.txt).</summary>
public static class SeedFacts
{
    public const string Code = "CO13046";
    public const string Title = "US-China Cyber Talks: Internet Security in the Global Economy";
    public const string Heading = "CO13046 | US-China Cyber Talks: Internet Security in the Global Economy";
    public const string Author = "C. Raja Mohan";
    public const string Date = "18 March 2013";
    public const string ArticleUrl = "/publications/rsis-commentary-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy";
    public const string SeriesUrl = "/publications/rsis-commentary-series";
    public const string AuthorUrl = "/authors/c-raja-mohan";
    public const string CategoryUrl = "/categories/rsis-commentary-series";
    public const string SynopsisStart = "A series of recent statements from Washington and Beijing";
    public const string CommentaryStart = "THE US national security adviser Tom Donilon this month";
    public const string CommentaryEnd = "it could provide the nucleus for a broader multilateral regime for cyber security.";
    public const string AboutStart = "C. Raja Mohan heads the strategic studies programme at the Observer Research Foundation";

    public static readonly string[] Subheadings =
    [
        "Commercial or military espionage?",
        "Obama-Xi phone chat",
        "New global discourse on cyber security?",
    ];

    public static readonly string[] TopLevelMenu =
        ["About RSIS", "Research", "Graduate Education", "Outreach", "Publications", "Media", "Events", "Contact Us"];

    public static readonly string[] AddressLines =
        ["Nanyang Technological University", "Block S4, Level B3,", "50 Nanyang Avenue,", "Singapore 639798"];
}
