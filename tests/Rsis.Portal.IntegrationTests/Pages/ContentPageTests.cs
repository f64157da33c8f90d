using System.Net;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Pages;

public sealed class ContentPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/getting-to-rsis", "Getting to RSIS")]
    [InlineData("/contact-us", "Contact Us")]
    public async Task Getting_to_rsis_and_contact_us_show_the_address(string url, string title)
    {
        var page = await portal.CreateReader().GetPageAsync(url);

        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(string.Join(' ', SeedFacts.AddressLines), page.QuerySelector("main .contact-details address")!.TextContent.Squash());
        Assert.Contains(page.QuerySelectorAll("main .contact-details a"), a => a.TextContent.Trim() == "Click here for direction to RSIS");
    }

    [Fact]
    public async Task A_menu_group_without_a_written_page_lists_its_children()
    {
        var page = await portal.CreateReader().GetPageAsync("/staff-profiles");

        Assert.Equal("Staff Profiles", page.QuerySelector("h1")!.TextContent.Trim());
        var links = page.QuerySelectorAll("main .section-links a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(9, links.Count);
        Assert.Contains("Dean’s Office", links);
        var crumbs = page.QuerySelectorAll("nav[aria-label=Breadcrumb] li").Select(li => li.TextContent.Trim());
        Assert.Equal(["RSIS", "About RSIS", "Staff Profiles"], crumbs);
    }

    [Fact]
    public async Task A_menu_section_page_shows_its_entries_and_theirs_under_in_this_section_without_an_apology()
    {
        var page = await portal.CreateReader().GetPageAsync("/about-rsis");

        Assert.Equal("About RSIS", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("In this section", page.QuerySelector("main nav h2")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("main .empty-state"));
        Assert.DoesNotContain("no content of its own", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var entries = page.QuerySelectorAll("main .section-links > li > a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Introduction", entries);
        Assert.Contains("Staff Profiles", entries);
        // Nested one level: the entries under Staff Profiles are listed beneath it.
        var staffProfiles = page.QuerySelectorAll("main .section-links > li")
            .Single(li => li.QuerySelector("a")!.TextContent.Trim() == "Staff Profiles");
        Assert.Contains(staffProfiles.QuerySelectorAll("ul a"), a => a.TextContent.Trim() == "Dean’s Office" && a.GetAttribute("href") == "/deans-office");
    }

    [Fact]
    public async Task A_menu_leaf_without_a_written_page_shows_its_section_and_sibling_links_not_a_404()
    {
        var page = await portal.CreateReader().GetPageAsync("/deans-office");

        Assert.Equal("Dean’s Office", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("More in Staff Profiles", page.QuerySelector("main nav h2")!.TextContent.Trim());
        var current = Assert.Single(page.QuerySelectorAll("main .section-links a[aria-current=page]"));
        Assert.Equal("/deans-office", current.GetAttribute("href"));
    }

    [Fact]
    public async Task Every_link_of_the_menu_opens_a_page()
    {
        var client = portal.CreateReader();
        var home = await client.GetPageAsync("/");
        var urls = home.QuerySelectorAll("#site-nav a")
            .Select(a => a.GetAttribute("href")!)
            .Where(href => href.StartsWith('/'))
            .Select(href => href.Split('#')[0])
            .Distinct()
            .ToList();

        Assert.True(urls.Count > 80, $"Only {urls.Count} menu links were found.");
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}.");
        }
    }

    [Fact]
    public async Task Privacy_statement_linked_from_the_footer_exists()
    {
        var page = await portal.CreateReader().GetPageAsync("/privacy-statement");

        Assert.Equal("Privacy Statement / Terms of Use", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/..%2f..%2fetc")]
    [InlineData("/%ff")]
    [InlineData("/网络安全")]
    [InlineData("/a/b/c/d")]
    public async Task Unknown_pages_get_the_404_page_without_a_stack_trace(string url)
    {
        using var response = await portal.CreateReader().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlong_page_slug_gets_the_404_page()
    {
        await portal.CreateReader().GetPageAsync("/" + new string('x', 5000), HttpStatusCode.NotFound);
    }
}
