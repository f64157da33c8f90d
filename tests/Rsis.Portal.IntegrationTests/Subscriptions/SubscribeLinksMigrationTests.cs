using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rsis.Portal.Infrastructure;
using Rsis.Portal.Infrastructure.Persistence;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Subscriptions;

/// <summary>The footer's two Subscribe links open the subscription form: seeded so, and moved so in existing databases.</summary>
public sealed class SubscribeLinksMigrationTests
{
    [Fact]
    public async Task The_migration_points_the_seeded_subscribe_links_at_the_form_and_leaves_a_link_staff_changed()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rsis-subscribe-migration-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite($"Data Source={file};Pooling=False", sql => sql.MigrationsAssembly(DependencyInjection.SqliteMigrationsAssembly))
            .Options;
        try
        {
            await using var db = new PortalDbContext(options);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("RevisionsAndTrash", TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "SiteLinks" ("Group", "Title", "Url", "SortOrder") VALUES
                (2, 'Subscribe to RSIS Publications', '/feeds/publications.rss', 0),
                (2, 'Subscribe to RSIS Events', 'https://events.example.org/list', 1);
                """, TestContext.Current.CancellationToken);

            await migrator.MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);

            var links = await db.SiteLinks.OrderBy(l => l.SortOrder).Select(l => l.Url).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["/subscribe?list=publications", "https://events.example.org/list"], links);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>The footer's links on a fresh site.</summary>
public sealed class SubscribeFooterTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_footer_subscribe_links_open_the_form_with_their_list_chosen()
    {
        var reader = portal.CreateReader();
        var home = await reader.GetPageAsync("/");
        var events = home.QuerySelectorAll(".site-footer a").Single(a => a.TextContent.Trim() == "Subscribe to RSIS Events").GetAttribute("href");
        var publications = home.QuerySelectorAll(".site-footer a").Single(a => a.TextContent.Trim() == "Subscribe to RSIS Publications").GetAttribute("href");
        Assert.Equal(("/subscribe?list=events", "/subscribe?list=publications"), (events, publications));

        var form = FormFields.Of(await reader.GetPageAsync(events!), "#subscribe-form");
        Assert.Equal(("none", "true"), (form["Publications"], form["Events"]));
        form = FormFields.Of(await reader.GetPageAsync(publications!), "#subscribe-form");
        Assert.Equal(("all", null), (form["Publications"], form["Events"]));
    }
}
