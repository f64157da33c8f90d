using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rsis.Portal.Domain.Publications;
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
            var series = new Series { Name = "Test Series", Slug = "test-series" };
            before.Publications.Add(new Publication
            {
                Series = series,
                Code = "TS20001",
                Title = "Archipelagic Upgrade",
                Slug = "ts20001-archipelagic-upgrade",
                Status = PublicationStatus.Published,
                PublishedOn = new DateOnly(2020, 1, 1),
                Synopsis = "Written before search existed.",
                Body = "A body mentioning lighthouses.",
            });
            await before.SaveChangesAsync(cancellation);
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
