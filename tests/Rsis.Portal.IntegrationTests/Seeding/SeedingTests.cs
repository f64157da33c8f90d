using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Rsis.Portal.Infrastructure.Persistence;
using Rsis.Portal.Infrastructure.Seeding;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Seeding;

public sealed class SeedingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    internal static async Task<int[]> CountRowsAsync(PortalDbContext db) =>
    [
        await db.Series.CountAsync(), await db.Publications.CountAsync(), await db.Authors.CountAsync(),
        await db.Categories.CountAsync(), await db.PublicationAuthors.CountAsync(), await db.PublicationCategories.CountAsync(),
        await db.MenuItems.CountAsync(), await db.Pages.CountAsync(), await db.SiteSettings.CountAsync(), await db.SiteLinks.CountAsync(),
    ];

    [Fact]
    public async Task The_seed_holds_what_the_source_page_shows()
    {
        var counts = await portal.WithDatabaseAsync(CountRowsAsync);

        // Series 13 + 7, one publication by one author in one category, 93 menu entries, 3 pages, one settings row, 23 footer links.
        Assert.Equal([20, 1, 1, 1, 1, 1, 93, 3, 1, 23], counts);
    }

    [Fact]
    public async Task Starting_again_changes_no_row()
    {
        var before = await portal.WithDatabaseAsync(CountRowsAsync);

        await portal.WithServiceAsync<DatabaseStartup, bool>(async startup =>
        {
            await startup.RunAsync(TestContext.Current.CancellationToken);
            return true;
        });
        var seededAgain = await portal.WithServiceAsync<PortalSeeder, int>(s => s.SeedAsync(TestContext.Current.CancellationToken));

        Assert.Equal(0, seededAgain);
        Assert.Equal(before, await portal.WithDatabaseAsync(CountRowsAsync));
    }

    [Fact]
    public async Task The_sqlite_database_runs_in_wal_mode()
    {
        var mode = await portal.WithDatabaseAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());

        Assert.Equal("wal", mode);
    }
}

/// <summary>Changes the database, so it has a database of its own.</summary>
public sealed class SeedingOverStaffEditsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Seeding_never_overwrites_or_restores_what_staff_changed()
    {
        await portal.WithDatabaseAsync(async db =>
        {
            var publication = await db.Publications.SingleAsync(p => p.Code == "CO13046");
            publication.Title = "Edited by staff";
            db.Series.Remove(await db.Series.SingleAsync(s => s.Slug == "op-eds"));
            return await db.SaveChangesAsync();
        });

        await portal.WithServiceAsync<PortalSeeder, int>(s => s.SeedAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Edited by staff", await portal.WithDatabaseAsync(db => db.Publications.Select(p => p.Title).SingleAsync()));
        Assert.False(await portal.WithDatabaseAsync(db => db.Series.AnyAsync(s => s.Slug == "op-eds")));
    }
}

/// <summary>A start over a database a whole pass has seeded still applies what a later seed adds.</summary>
public sealed class LaterSeedTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_category_added_to_the_seed_after_a_whole_pass_is_applied_on_the_next_start_and_only_once()
    {
        var files = SeedData.ListEmbedded();
        string? ReadLater(string path) => path == "categories.json"
            ? """{ "categories": [ { "name": "RSIS Commentary Series", "slug": "rsis-commentary-series" }, { "name": "Cyber Security", "slug": "cyber-security" } ] }"""
            : SeedData.ReadEmbedded(path);

        var laterSeed = new SeedData(ReadLater, files);
        Assert.NotEqual(new SeedData().Version, laterSeed.Version);
        Task<int> SeedLaterAsync() => portal.WithDatabaseAsync(db =>
            new PortalSeeder(db, laterSeed, TimeProvider.System, NullLogger<PortalSeeder>.Instance).SeedAsync(TestContext.Current.CancellationToken));

        Assert.Equal(1, await SeedLaterAsync());
        Assert.Equal(0, await SeedLaterAsync());

        var categories = await portal.WithDatabaseAsync(db => db.Categories.OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync());
        Assert.Equal(["cyber-security", "rsis-commentary-series"], categories);
    }
}
