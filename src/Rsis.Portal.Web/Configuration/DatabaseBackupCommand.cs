using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// The <c>backup</c> command, run instead of the web host: <c>backup /var/backups/rsis-portal.db</c> copies the
/// SQLite database while the site runs. It needs only the configuration, so it neither migrates nor seeds.
/// </summary>
public static class DatabaseBackupCommand
{
    public const string Name = "backup";

    /// <summary>Whether the arguments ask for a backup instead of the web host.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>The arguments the configuration reads: everything but the command and its file.</summary>
    public static string[] HostArguments(string[] args) => IsCommand(args) ? args[Math.Min(2, args.Length)..] : args;

    /// <summary>Makes the copy and answers the process exit code: 0 written, 1 failed (with the reason), 2 misused.</summary>
    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await Console.Error.WriteLineAsync($"Usage: dotnet run --project src/Rsis.Portal.Web -- {Name} /path/to/copy.db");
            return 2;
        }

        try
        {
            var backup = SqliteBackup.BackUp(builder.Configuration, builder.Environment.ContentRootPath, args[1]);
            Console.WriteLine($"Backed up {backup.Source} to {backup.Target} ({backup.Bytes:N0} bytes).");
            Console.WriteLine("To restore: stop the site, put this file in place of the database (and delete its -wal and -shm files), start the site.");
            return 0;
        }
        catch (BackupFailedException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
    }
}
