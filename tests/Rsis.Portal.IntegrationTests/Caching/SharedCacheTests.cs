using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Caching;

/// <summary>
/// Two nodes of the portal on one database and one output-cache store, as production nodes share SQL Server
/// and Redis. Staff save on one node; readers of the other must see the change on every page at once.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public StaffPortal First { get; } = new();

    public SecondNode Second { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        _ = First.Services;
        Second = new SecondNode(First);
        _ = Second.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }

    /// <summary>The second node: the first node's database file and its output-cache store.</summary>
    public sealed class SecondNode(PortalFactory first) : PortalFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("ConnectionStrings:Sqlite", $"Data Source={first.DatabasePath}")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(first.Services.GetRequiredService<IOutputCacheStore>()));
        }
    }
}

public sealed class SharedCacheTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static async Task<string> TaglineAsync(PortalFactory node, string url) =>
        (await node.CreateReader().GetPageAsync(url)).QuerySelector(".site-brand__tagline")!.TextContent.Trim();

    [Fact]
    public async Task A_header_saved_on_one_node_shows_on_every_page_of_the_other_node_at_once()
    {
        // The second node has drawn its header (and keeps it between requests) and cached a page with it.
        var before = await TaglineAsync(nodes.Second, "/");
        Assert.Equal(before, await TaglineAsync(nodes.Second, SeedFacts.SeriesUrl));

        var (editor, _) = await nodes.First.SignedInAsync(StaffRoles.Editor);
        var form = FormFields.Of(await editor.GetPageAsync("/admin/settings"), "#settings-form")
            .Set("Tagline", "Think Tank, Graduate School & Archive");
        (await editor.PostFormAsync("/admin/settings", form)).Dispose();

        // A page it had cached, and pages it had never drawn.
        Assert.Equal("Think Tank, Graduate School & Archive", await TaglineAsync(nodes.Second, "/"));
        Assert.Equal("Think Tank, Graduate School & Archive", await TaglineAsync(nodes.Second, "/staff-profiles"));
        Assert.Equal("Think Tank, Graduate School & Archive", await TaglineAsync(nodes.Second, SeedFacts.ArticleUrl));
    }

    [Fact]
    public async Task A_series_added_on_one_node_joins_the_sidebar_and_menu_data_of_the_other_node_at_once()
    {
        // The second node has drawn the sidebar (the series list it keeps) on a listing.
        var sidebar = SidebarOf(await nodes.Second.CreateReader().GetPageAsync(SeedFacts.SeriesUrl));
        Assert.DoesNotContain("Maritime Briefs", sidebar);

        var (staff, _) = await nodes.First.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateItemAsync("series", f => f.Set("Name", "Maritime Briefs").Set("CodePrefix", "mb").Set("SortOrder", "0"));
        // A series is offered once something in it is published.
        await staff.CreatePublicationAsync("Charting the Straits", status: "Published",
            change: f => f.Set("SeriesId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Set("Code", "MB26001"));

        // On the article, which the second node had never drawn, and on the home page.
        Assert.Equal("Maritime Briefs", SidebarOf(await nodes.Second.CreateReader().GetPageAsync(SeedFacts.ArticleUrl))[0]);
        Assert.Equal("Maritime Briefs", SidebarOf(await nodes.Second.CreateReader().GetPageAsync("/"))[0]);
    }

    private static List<string> SidebarOf(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".series-nav__link").Select(a => a.TextContent.Trim()).ToList();
}
