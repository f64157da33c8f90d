using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rsis.Portal.Infrastructure;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.IntegrationTests.Redirects;

/// <summary>The Redirects migration keeps the renames made before it: read from the audit log, chains collapsed.</summary>
public sealed class RedirectsMigrationTests
{
    [Fact]
    public async Task Renames_recorded_in_the_audit_log_before_the_migration_become_redirects_to_the_current_address()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rsis-redirects-migration-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite($"Data Source={file};Pooling=False", sql => sql.MigrationsAssembly(DependencyInjection.SqliteMigrationsAssembly))
            .Options;
        try
        {
            await using var db = new PortalDbContext(options);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("StaffSessionsAndAccountGuard", TestContext.Current.CancellationToken);
            // Braces doubled: raw SQL is a format string.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Authors" ("Id", "Name", "Slug", "ShortTitle", "Biography", "ConcurrencyToken") VALUES (1, 'C', 'c-now', '', '', 'x'), (2, 'D', 'taken-again', '', '', 'y');
                INSERT INTO "AuditEntries" ("AtUtc", "ChangedBy", "EntityType", "EntityId", "EntityLabel", "Action", "Changes") VALUES
                ('2026-01-01 00:00:00', 'e', 'Author', '1', 'C', 1, '[{{"Field":"Slug","NewValue":"c-mid","OldValue":"c-old"}}]'),
                ('2026-01-02 00:00:00', 'e', 'Author', '1', 'C', 1, '[{{"Field":"Slug","NewValue":"c-now","OldValue":"c-mid"}}]'),
                ('2026-01-02 00:00:00', 'e', 'Author', '1', 'C', 1, '[{{"Field":"Slug","NewValue":"c-now","OldValue":"taken-again"}}]'),
                ('2026-01-03 00:00:00', 'e', 'Author', '9', 'Gone', 1, '[{{"Field":"Slug","NewValue":"g","OldValue":"g-old"}}]');
                """, TestContext.Current.CancellationToken);

            await migrator.MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);

            var redirects = await db.Redirects.OrderBy(r => r.OldPath).Select(r => r.OldPath + " → " + r.Target).ToListAsync(TestContext.Current.CancellationToken);
            // Both old addresses go straight to the last one; an address live again, or of an item gone, does not redirect.
            Assert.Equal(["/authors/c-mid → /authors/c-now", "/authors/c-old → /authors/c-now"], redirects);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
