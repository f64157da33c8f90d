using Rsis.Portal.Domain.Publications;
using Rsis.Portal.Infrastructure.Seeding;

namespace Rsis.Portal.UnitTests.Seeding;

/// <summary>The shipped seed, read the way the app reads it, against the source page.</summary>
public sealed class SeedDataTests
{
    private readonly SeedData _seed = new();

    [Fact]
    public void The_seed_has_the_thirteen_rsis_series_and_seven_external_types_in_the_source_order()
    {
        var rsis = _seed.Series.Where(s => s.Group == SeriesGroup.RsisPublications).ToList();
        var external = _seed.Series.Where(s => s.Group == SeriesGroup.ExternalPublications).ToList();

        Assert.Equal(13, rsis.Count);
        Assert.Equal(["Annual Reviews", "Books", "Bulletins and Newsletters", "RSIS Commentary Series"], rsis.Take(4).Select(s => s.Name));
        Assert.Equal("CO", rsis.Single(s => s.Slug == "rsis-commentary-series").CodePrefix);
        Assert.Equal(["Authored Books", "Journal Articles", "Edited Books", "Chapters in Edited Books", "Policy Reports", "Working Papers", "Op-Eds"],
            external.Select(s => s.Name));
        Assert.Equal(_seed.Series.Count, _seed.Series.Select(s => s.Slug).Distinct().Count());
    }

    [Fact]
    public void The_commentary_is_read_from_its_markdown_file_with_every_field()
    {
        var co = Assert.Single(_seed.Publications);

        Assert.Equal("CO13046", co.Code);
        Assert.Equal("US-China Cyber Talks: Internet Security in the Global Economy", co.Title);
        Assert.Equal("co13046-us-china-cyber-talks-internet-security-in-the-global-economy", co.Slug);
        Assert.Equal(new DateOnly(2013, 3, 18), co.PublishedOn);
        Assert.Equal(["c-raja-mohan"], co.AuthorSlugs);
        Assert.Equal(["rsis-commentary-series"], co.CategorySlugs);
        Assert.StartsWith("A series of recent statements from Washington and Beijing", co.Synopsis, StringComparison.Ordinal);
        Assert.EndsWith("could define the terms of the global debate on developing cyber norms.", co.Synopsis, StringComparison.Ordinal);
        Assert.StartsWith("THE US national security adviser Tom Donilon", co.Body, StringComparison.Ordinal);
        Assert.Contains("\n## Commercial or military espionage?\n", co.Body, StringComparison.Ordinal);
        Assert.Contains("\n## Obama-Xi phone chat\n", co.Body, StringComparison.Ordinal);
        Assert.Contains("\n## New global discourse on cyber security?\n", co.Body, StringComparison.Ordinal);
        Assert.Contains("“irresponsible criticism”", co.Body, StringComparison.Ordinal);
        Assert.StartsWith("C. Raja Mohan heads the strategic studies programme", co.AboutTheAuthors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_menu_has_the_eight_top_level_entries_and_ninety_three_in_all()
    {
        Assert.Equal(["About RSIS", "Research", "Graduate Education", "Outreach", "Publications", "Media", "Events", "Contact Us"],
            _seed.Menu.Select(m => m.Title));
        Assert.Equal(93, Count(_seed.Menu));

        var groups = _seed.Menu.SelectMany(m => m.Children ?? []).Where(m => m.Children is { Count: > 0 }).Select(m => m.Title);
        Assert.Equal(["Staff Profiles", "Research Centres", "Research Programmes", "Other Research", "Global Networks",
            "Executive Education", "International Programmes", "RSIS Publications", "External Publications"], groups);

        static int Count(IEnumerable<SeedMenuItem> items) => items.Sum(i => 1 + Count(i.Children ?? []));
    }

    [Fact]
    public void Every_series_a_menu_entry_names_exists_in_the_seed()
    {
        var slugs = _seed.Series.Select(s => s.Slug).ToHashSet();
        var named = Flatten(_seed.Menu).Where(m => m.Series is not null).Select(m => m.Series!).ToList();

        Assert.Equal(20, named.Count);
        Assert.All(named, slug => Assert.Contains(slug, slugs));

        static IEnumerable<SeedMenuItem> Flatten(IEnumerable<SeedMenuItem> items) => items.SelectMany(i => Flatten(i.Children ?? []).Prepend(i));
    }

    [Fact]
    public void The_footer_and_header_text_come_from_the_source_page()
    {
        var site = _seed.Site;

        Assert.Equal("S. Rajaratnam School of International Studies", site.Settings.SchoolName);
        Assert.Equal("Ponder The Improbable Since 1966", site.Settings.Motto);
        Assert.Equal("Nanyang Technological University\nBlock S4, Level B3,\n50 Nanyang Avenue,\nSingapore 639798", site.Settings.Address);
        Assert.Equal(9, site.Links.PopularLinks.Count);
        Assert.Equal(["rsis.ntu", "rsis_ntu", "rsisntu", "rsisvideocast", "school/rsis-ntu", "rsis.sg", "rsissg", "RSIS", "RSS"],
            site.Links.Social.Select(l => l.Title));
    }

    [Fact]
    public void A_publication_file_without_a_code_is_refused_with_its_name()
    {
        var exception = Assert.Throws<InvalidDataException>(() =>
            SeedData.ParsePublication("publications/X.md", "---\ntitle: T\nseries: s\npublishedOn: 2013-03-18\nsynopsis: S\n---\nBody"));

        Assert.Equal("publications/X.md has no code.", exception.Message);
    }

    [Theory]
    [InlineData("---\ntitle: A\n---\nBody\n", "title: A", "Body\n")]
    [InlineData("---\r\ntitle: A\r\n---\r\nBody", "title: A", "Body")]
    [InlineData("---\ntitle: A\n---", "title: A", "")]
    [InlineData("No front matter", "", "No front matter")]
    public void Front_matter_is_split_from_the_body(string text, string frontMatter, string body)
    {
        Assert.Equal((frontMatter, body), FrontMatter.Split(text));
    }

    [Fact]
    public void Unclosed_front_matter_is_an_error()
    {
        Assert.Throws<InvalidDataException>(() => FrontMatter.Split("---\ntitle: A\nBody"));
    }
}
