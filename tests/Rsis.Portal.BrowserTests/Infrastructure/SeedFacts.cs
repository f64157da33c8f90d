namespace Rsis.Portal.BrowserTests.Infrastructure;

/// <summary>Facts copied by hand from the source page (shared/seed/rsis-commentary-CO13046.txt).</summary>
public static class SeedFacts
{
    public const string Heading = "CO13046 | US-China Cyber Talks: Internet Security in the Global Economy";
    public const string ArticleUrl = "/publications/rsis-commentary-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy";
    public const string SeriesUrl = "/publications/rsis-commentary-series";
    public const string SeriesName = "RSIS Commentary Series";
    public const string Title = "US-China Cyber Talks: Internet Security in the Global Economy";

    /// <summary>A third-level entry under About RSIS › Staff Profiles, with the source page's curly apostrophe.</summary>
    public const string DeansOffice = "Dean\u2019s Office";
}
