using System.Net;
using Microsoft.EntityFrameworkCore;
using Serilog.Events;

namespace Rsis.Portal.IntegrationTests.Hosting;

/// <summary>What the compose file's healthchecks and the proxy ask a node, on a migrated database.</summary>
public sealed class HealthTests(LoggedPortal portal) : IClassFixture<LoggedPortal>
{
    [Fact]
    public async Task Live_answers_200_and_is_never_stored()
    {
        using var response = await portal.CreateReader().GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Trim());
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [Fact]
    public async Task Ready_answers_200_on_a_migrated_database()
    {
        using var response = await portal.CreateReader().GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy\ndatabase: Healthy (reachable and migrated)\n", text);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [Fact]
    public async Task Healthy_answers_stay_out_of_the_request_log_at_Information()
    {
        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            using var response = await portal.CreateReader().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            Assert.Equal(LogEventLevel.Debug, (await portal.Log.LineForAsync(path)).Level);
        }
    }

    [Fact]
    public async Task Ready_asked_many_times_in_a_row_is_never_refused()
    {
        // The feedback and sign-in limits are per client; a probe every few seconds must never meet one.
        for (var i = 0; i < 30; i++)
        {
            using var response = await portal.CreateReader().GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

/// <summary>
/// A node whose database goes wrong under it. The node itself needs its database to start (it checks the staff
/// roles), so the trouble is made after the start: what a node sees when a release job has not migrated yet,
/// or when the database goes away.
/// </summary>
public sealed class DatabaseTroublePortal : LoggedPortal;

public sealed class DatabaseTroubleHealthTests(DatabaseTroublePortal portal) : IClassFixture<DatabaseTroublePortal>
{
    private static readonly string[] DatabaseFileSuffixes = ["", "-wal", "-shm"];

    private Task<HttpResponseMessage> GetAsync(string path) =>
        portal.CreateReader().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Ready_answers_503_while_the_database_lacks_a_migration_of_this_build_and_200_once_it_has_it()
    {
        var newest = await portal.WithDatabaseAsync(async db => (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).Max()!);
        await RenameAppliedMigrationAsync(newest, newest + "-not-yet");
        try
        {
            using var ready = await GetAsync("/health/ready");
            using var live = await GetAsync("/health/live");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy\ndatabase: Unhealthy (not migrated: 1 migration pending)\n", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.True(ready.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            // In view, but not as a server error: the proxy asks again in a few seconds.
            Assert.Equal(LogEventLevel.Warning, (await portal.Log.LineForAsync("/health/ready", (int)HttpStatusCode.ServiceUnavailable)).Level);
        }
        finally
        {
            await RenameAppliedMigrationAsync(newest + "-not-yet", newest);
        }

        using var migrated = await GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, migrated.StatusCode);
    }

    [Fact]
    public async Task Ready_answers_503_saying_the_database_is_unreachable_and_names_no_path()
    {
        // The node is up first (it needs its database to start), whichever test of the class runs first.
        using (var up = await GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }

        // The file's path becomes a folder: SQLite can no longer open it, as when a volume is gone.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var files = DatabaseFileSuffixes.Select(suffix => portal.DatabasePath + suffix).Where(File.Exists).ToList();
        files.ForEach(file => File.Move(file, file + ".away"));
        Directory.CreateDirectory(portal.DatabasePath);
        try
        {
            using var ready = await GetAsync("/health/ready");
            using var live = await GetAsync("/health/live");
            var text = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy\ndatabase: Unhealthy (unreachable)\n", text);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(portal.DatabasePath);
            files.ForEach(file => File.Move(file + ".away", file));
        }
    }

    private Task<int> RenameAppliedMigrationAsync(string from, string to) =>
        portal.WithDatabaseAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"__EFMigrationsHistory\" SET \"MigrationId\" = {to} WHERE \"MigrationId\" = {from}", TestContext.Current.CancellationToken));
}
