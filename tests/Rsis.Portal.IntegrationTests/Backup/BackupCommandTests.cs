using Microsoft.Data.Sqlite;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Backup;

/// <summary>
/// <c>backup &lt;file&gt;</c> as an operator runs it, as a process of its own, next to a running site: the copy opens
/// on its own and holds what was committed, and a write still in progress when it ran is not half in it.
/// </summary>
public sealed class BackupCommandTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_backup_taken_during_a_write_opens_with_everything_committed_and_nothing_half_written()
    {
        using var site = portal.CreateReader();
        using var warm = await site.GetAsync(new Uri(SeedFacts.ArticleUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        await ExecuteAsync("UPDATE Publications SET Title = 'Committed before the backup' WHERE Code = 'CO13046'");
        var target = Path.Combine(Path.GetDirectoryName(portal.DatabasePath)!, "copy.db");

        // A writer holds its transaction open for the whole backup, which neither waits for it nor copies it.
        await using (var writer = new SqliteConnection($"Data Source={portal.DatabasePath};Pooling=False"))
        {
            await writer.OpenAsync(TestContext.Current.CancellationToken);
            await using var transaction = await writer.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await using (var update = writer.CreateCommand())
            {
                update.CommandText = "UPDATE Publications SET Title = 'Still being written' WHERE Code = 'CO13046'";
                await update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            var (exitCode, output) = await PortalProcess.RunAsync(["backup", target], Environment(portal.DatabasePath));

            Assert.True(exitCode == 0, $"backup exited with {exitCode}:\n{output}");
            Assert.Contains($"to {target}", output, StringComparison.Ordinal);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal("ok", await ScalarAsync(copy, "PRAGMA integrity_check"));
        Assert.Equal("Committed before the backup", await ScalarAsync(copy, "SELECT Title FROM Publications WHERE Code = 'CO13046'"));
        Assert.Equal("delete", await ScalarAsync(copy, "PRAGMA journal_mode"));
        Assert.False(File.Exists(target + "-wal"), "The copy should be a single file.");
    }

    [Fact]
    public async Task A_backup_to_a_folder_that_cannot_exist_fails_with_a_message_and_exit_code_1()
    {
        // The site running, so its database file exists; the copy goes beneath that file, not a folder, where no
        // user, root included, can write.
        using var site = portal.CreateReader();
        (await site.GetAsync(new Uri(SeedFacts.ArticleUrl, UriKind.Relative), TestContext.Current.CancellationToken)).Dispose();
        var target = Path.Combine(portal.DatabasePath, "copy.db");

        var (exitCode, output) = await PortalProcess.RunAsync(["backup", target], Environment(portal.DatabasePath));

        Assert.Equal(1, exitCode);
        Assert.Contains($"Could not write the backup to {target}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_on_sql_server_is_refused_with_a_message_and_exit_code_1()
    {
        var environment = Environment(portal.DatabasePath);
        environment["Database__Provider"] = "SqlServer";
        environment["ConnectionStrings__SqlServer"] = "Server=db;Database=RsisPortal;User Id=portal;Password=unused";

        var (exitCode, output) = await PortalProcess.RunAsync(["backup", "/tmp/never-written.db"], environment);

        Assert.Equal(1, exitCode);
        Assert.Contains("copies the embedded SQLite database only", output, StringComparison.Ordinal);
        Assert.False(File.Exists("/tmp/never-written.db"));
    }

    private static Dictionary<string, string> Environment(string database) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__Sqlite"] = $"Data Source={database}",
    };

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))?.ToString();
    }
}
