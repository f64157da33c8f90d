using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rsis.Portal.Infrastructure;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.IntegrationTests.Search;

/// <summary>
/// A database that already holds publications when the search migrations arrive (any copy of the portal
/// upgraded, rather than created fresh as the other tests' are) gets them indexed.
/// </summary>
public sealed class SearchMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "rsis-portal-tests", $"migrate-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Publications_saved_before_the_search_migrations_are_found_after_them()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite($"Data Source={_path}", sql => sql.MigrationsAssembly(DependencyInjection.SqliteMigrationsAssembly))
            .Options;
        var cancellation = TestContext.Current.CancellationToken;

        await using (var before = new PortalDbContext(options))
        {
            await before.GetService<IMigrator>().MigrateAsync("PublicationPdfs", cancellation);
            // Written as SQL, in the columns the tables had then: today's model has columns added since.
            await before.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO Series (Name, Slug, CodePrefix, "Group", Description, SortOrder, ConcurrencyToken)
                VALUES ('Test Series', 'test-series', NULL, 0, '', 0, '5b0c6a55-7b9b-4a0e-9d61-54f5e4a3c001');
                INSERT INTO Publications (SeriesId, Code, Title, Slug, PublishedOn, Status, PublishAtUtc, Synopsis, Body,
                    AboutTheAuthors, CreatedBy, CreatedAtUtc, UpdatedBy, UpdatedAtUtc, ConcurrencyToken)
                VALUES (last_insert_rowid(), 'TS20001', 'Archipelagic Upgrade', 'ts20001-archipelagic-upgrade', '2020-01-01', 1, NULL,
                    'Written before search existed.', 'A body mentioning lighthouses.', '', NULL, '2020-01-01 00:00:00', NULL,
                    '2020-01-01 00:00:00', '5b0c6a55-7b9b-4a0e-9d61-54f5e4a3c002');
                """, cancellation);
        }

        await using var after = new PortalDbContext(options);
        await after.Database.MigrateAsync(cancellation);

        var inIndex = await after.Database.SqlQuery<int>($"SELECT rowid AS Value FROM PublicationSearchIndex WHERE PublicationSearchIndex MATCH 'lighthouses'").ToListAsync(cancellation);
        var inSummary = await after.Database.SqlQuery<int>($"SELECT rowid AS Value FROM PublicationSearchSummary WHERE PublicationSearchSummary MATCH 'archipelagic'").ToListAsync(cancellation);
        var id = await after.Publications.Select(p => p.Id).SingleAsync(cancellation);
        Assert.Equal([id], inIndex);
        Assert.Equal([id], inSummary);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
