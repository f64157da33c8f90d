using AngleSharp.Dom;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Navigation;

public sealed class MenuTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static IElement TopLevel(IDocument page, string title) =>
        page.QuerySelectorAll("#site-nav .mega-menu > li")
            .Single(li => li.QuerySelector(".mega-menu__top")!.TextContent.Trim() == title);

    private static IElement Column(IElement topLevel, string heading) =>
        topLevel.QuerySelectorAll(".mega-menu__column")
            .Single(c => c.QuerySelector(".mega-menu__heading")?.TextContent.Trim() == heading);

    [Fact]
    public async Task Every_top_level_entry_of_the_source_menu_is_rendered_in_order()
    {
        var page = await portal.CreateReader().GetPageAsync("/");

        var titles = page.QuerySelectorAll("#site-nav .mega-menu > li > .mega-menu__top").Select(e => e.TextContent.Trim());
        Assert.Equal(SeedFacts.TopLevelMenu, titles);
    }

    [Fact]
    public async Task Second_level_groups_hold_their_third_level_entries()
    {
        var page = await portal.CreateReader().GetPageAsync("/");

        var staff = Column(TopLevel(page, "About RSIS"), "Staff Profiles");
        Assert.Equal(
            ["Executive Deputy Chairman’s Office", "Dean’s Office", "Management", "Distinguished Fellows", "Faculty and Research",
             "Associate Research Fellows, Senior Analysts and Research Analysts", "Visiting Fellows", "Adjunct Fellows", "Administrative Staff"],
            staff.QuerySelectorAll(".mega-menu__list a").Select(a => a.TextContent.Trim()));

        var centres = Column(TopLevel(page, "Research"), "Research Centres");
        Assert.Contains(centres.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Institute of Defence and Strategic Studies (IDSS)");

        var executive = Column(TopLevel(page, "Outreach"), "Executive Education");
        Assert.Contains(executive.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Terrorism Analyst Training Course (TATC)");
    }

    [Fact]
    public async Task Publications_menu_links_each_series_to_its_page()
    {
        var page = await portal.CreateReader().GetPageAsync("/");
        var publications = TopLevel(page, "Publications");

        var rsis = Column(publications, "RSIS Publications").QuerySelectorAll(".mega-menu__list a").ToList();
        Assert.Equal(13, rsis.Count);
        Assert.Contains(rsis, a => a.TextContent.Trim() == "RSIS Commentary Series" && a.GetAttribute("href") == SeedFacts.SeriesUrl);

        var external = Column(publications, "External Publications").QuerySelectorAll(".mega-menu__list a").ToList();
        Assert.Equal(["Authored Books", "Journal Articles", "Edited Books", "Chapters in Edited Books", "Policy Reports", "Working Papers", "Op-Eds"],
            external.Select(a => a.TextContent.Trim()));
        Assert.Equal("/publications/external-working-papers", external[5].GetAttribute("href"));
        Assert.Contains(publications.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Glossary of Abbreviations");
    }

    [Fact]
    public async Task Second_level_entries_without_children_are_plain_links_of_their_section()
    {
        var page = await portal.CreateReader().GetPageAsync("/");
        var about = TopLevel(page, "About RSIS");

        var getting = about.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Getting to RSIS");
        Assert.Equal("/getting-to-rsis", getting.GetAttribute("href"));
        Assert.Null(getting.Closest(".mega-menu__column")!.QuerySelector(".mega-menu__heading"));
        Assert.Equal("/events", TopLevel(page, "Events").QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_menu_has_every_entry_of_the_source_page()
    {
        var page = await portal.CreateReader().GetPageAsync("/");

        // 8 top-level entries, each reachable once as a button or link, plus every entry below them.
        var entries = page.QuerySelectorAll("#site-nav .mega-menu__top, #site-nav .mega-menu__heading, #site-nav .mega-menu__list a");
        Assert.Equal(93, entries.Length);
    }
}
