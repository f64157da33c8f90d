using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Infrastructure.Seeding;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Seeding;

/// <summary>
/// A database seeded before the seed's publications were dated by their publication said CO13046 changed on
/// the day it was seeded; the next start puts it right once, unless a member of staff has saved it since.
/// </summary>
public sealed class SeedDatesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateTime SeededOn = new(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_seeded_publication_dated_by_its_seeding_is_dated_by_its_publication_after_a_start()
    {
        await AsSeededBeforeAsync(updatedBy: "seed");

        await portal.WithServiceAsync<PortalSeeder, int>(s => s.SeedAsync(TestContext.Current.CancellationToken));

        var dates = await DatesAsync();
        Assert.Equal((new DateTime(2013, 3, 18), new DateTime(2013, 3, 18)), dates);
    }

    [Fact]
    public async Task A_seeded_publication_staff_saved_keeps_the_date_of_that_save()
    {
        await AsSeededBeforeAsync(updatedBy: "editor@example.org");

        await portal.WithServiceAsync<PortalSeeder, int>(s => s.SeedAsync(TestContext.Current.CancellationToken));

        Assert.Equal(SeededOn, (await DatesAsync()).Updated);
    }

    private Task<int> AsSeededBeforeAsync(string updatedBy) => portal.WithDatabaseAsync(async db =>
    {
        // Seeded by an earlier build: neither the repair nor a whole pass of this build is on record.
        await db.AppliedSeeds.Where(s => s.Name == "repair:publication-dates" || s.Name.StartsWith("pass:"))
            .ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        return await db.Publications.Where(p => p.Code == SeedFacts.Code).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.CreatedAtUtc, SeededOn)
            .SetProperty(p => p.UpdatedAtUtc, SeededOn)
            .SetProperty(p => p.UpdatedBy, updatedBy), TestContext.Current.CancellationToken);
    });

    private Task<(DateTime Created, DateTime Updated)> DatesAsync() => portal.WithDatabaseAsync(async db =>
    {
        var row = await db.Publications.Where(p => p.Code == SeedFacts.Code)
            .Select(p => new { p.CreatedAtUtc, p.UpdatedAtUtc }).SingleAsync(TestContext.Current.CancellationToken);
        return (row.CreatedAtUtc, row.UpdatedAtUtc);
    });
}
