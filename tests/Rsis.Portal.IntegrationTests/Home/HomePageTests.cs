using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Home;

public sealed class HomePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_page_lists_the_latest_publication_with_its_series_date_and_author()
    {
        var page = await portal.CreateReader().GetPageAsync("/");

        var item = Assert.Single(page.QuerySelectorAll(".publication-item"));
        Assert.Equal(SeedFacts.Title, item.QuerySelector("a.publication-title")!.TextContent.Trim());
        Assert.Equal(SeedFacts.ArticleUrl, item.QuerySelector("a.publication-title")!.GetAttribute("href"));
        Assert.Contains(item.QuerySelectorAll(".publication-meta a"), a => a.GetAttribute("href") == SeedFacts.SeriesUrl);
        Assert.Contains(SeedFacts.Date, item.TextContent, StringComparison.Ordinal);
        Assert.Contains(item.QuerySelectorAll(".publication-meta a"), a => a.TextContent.Trim() == SeedFacts.Author);
    }

    [Fact]
    public async Task Header_shows_the_school_its_tagline_motto_and_university()
    {
        var page = await portal.CreateReader().GetPageAsync("/");
        var header = page.QuerySelector("header")!.TextContent.Squash();

        Assert.Contains("S. Rajaratnam School of International Studies", header, StringComparison.Ordinal);
        Assert.Contains("Think Tank and Graduate School", header, StringComparison.Ordinal);
        Assert.Contains("Ponder The Improbable Since 1966", header, StringComparison.Ordinal);
        Assert.Contains("Nanyang Technological University", header, StringComparison.Ordinal);
        Assert.Equal("/search", page.QuerySelector("header form[role=search]")!.GetAttribute("action"));
    }

    [Fact]
    public async Task Footer_shows_popular_links_social_links_subscriptions_address_and_copyright()
    {
        var page = await portal.CreateReader().GetPageAsync("/");
        var footer = page.QuerySelector("footer")!;
        var text = footer.TextContent.Squash();

        foreach (var heading in new[] { "Popular Links", "Connect with Us", "Getting to RSIS" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        var links = footer.QuerySelectorAll("a").Select(a => a.TextContent.Squash()).ToList();
        foreach (var link in new[] { "About RSIS", "Research Programmes", "Graduate Education", "Publications", "Events",
                     "Admissions", "Careers", "Video/Audio Channel", "RSIS Intranet", "Subscribe to RSIS Publications",
                     "Subscribe to RSIS Events", "Click here for direction to RSIS", "Get in Touch", "Privacy Statement / Terms of Use" })
        {
            Assert.Contains(links, l => l.Contains(link, StringComparison.Ordinal));
        }

        foreach (var handle in new[] { "rsis.ntu", "rsis_ntu", "rsisntu", "rsisvideocast", "school/rsis-ntu", "rsis.sg", "rsissg" })
        {
            Assert.Contains(links, l => l.Contains(handle, StringComparison.Ordinal));
        }

        var address = footer.QuerySelector("address")!.TextContent.Squash();
        Assert.Equal(string.Join(' ', SeedFacts.AddressLines), address);
        Assert.Contains("Copyright © S. Rajaratnam School of International Studies. All rights reserved.", text, StringComparison.Ordinal);
    }
}
