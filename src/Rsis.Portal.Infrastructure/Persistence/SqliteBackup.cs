using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Rsis.Portal.Infrastructure.Persistence;

/// <summary>
/// A copy of the embedded SQLite database, taken with SQLite's online backup API while the site runs: the
/// copy is one consistent moment of the database (a write in progress is in it whole or not at all), and
/// in WAL mode taking it blocks no reader or writer. Uploaded PDFs, keys and sessions are in the database,
/// so the one file holds everything.
/// </summary>
public static class SqliteBackup
{
    /// <summary>
    /// Copies the configured database to <paramref name="target"/> (replacing a file already there) and
    /// answers where the copy and its source are. Throws <see cref="BackupFailedException"/> with a message
    /// for the operator when the database is not SQLite, cannot be read or the copy cannot be written.
    /// </summary>
    public static BackupResult BackUp(IConfiguration configuration, string contentRoot, string target)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new BackupFailedException(
                $"Database:Provider is {options.Provider}: the backup command copies the embedded SQLite database only. " +
                "Back up SQL Server with its own tools (BACKUP DATABASE).");
        }

        var sourceBuilder = new SqliteConnectionStringBuilder(
            DependencyInjection.SqliteConnectionString(configuration.GetConnectionString("Sqlite"), contentRoot))
        {
            // Never create an empty database where the site's should be. Not ReadOnly: a reader of a WAL
            // database writes to its shared-memory index.
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        var destination = Path.GetFullPath(target);
        if (string.Equals(destination, Path.GetFullPath(sourceBuilder.DataSource), StringComparison.Ordinal))
        {
            throw new BackupFailedException($"{destination} is the database itself; name another file for the copy.");
        }

        if (!File.Exists(sourceBuilder.DataSource))
        {
            throw new BackupFailedException($"There is no database at {sourceBuilder.DataSource} to back up.");
        }

        // Written beside the target and moved over it at the end, so a failed backup never leaves half a
        // file under the name an operator keeps.
        var partial = destination + ".partial";
        try
        {
            using (var source = new SqliteConnection(sourceBuilder.ToString()))
            using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = partial,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString()))
            {
                source.Open();
                using (var busy = source.CreateCommand())
                {
                    busy.CommandText = "PRAGMA busy_timeout = 30000;";
                    busy.ExecuteNonQuery();
                }

                copy.Open();
                source.BackupDatabase(copy);
                // The copy stands alone: one file, no write-ahead log beside it.
                using var journal = copy.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode = DELETE;";
                journal.ExecuteNonQuery();
            }

            File.Move(partial, destination, overwrite: true);
            return new BackupResult(sourceBuilder.DataSource, destination, new FileInfo(destination).Length);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            throw new BackupFailedException($"Could not write the backup to {destination}: {Reason(exception)}", exception);
        }
    }

    private static string Reason(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 14 } => "the file cannot be created there (does the folder exist, and may this user write to it?).",
        SqliteException sqlite => sqlite.Message,
        _ => exception.Message,
    };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing was written there, or nothing can be: either way there is nothing to clean up.
        }
    }
}

/// <summary>Where a backup was read from and written to, and its size in bytes.</summary>
public sealed record BackupResult(string Source, string Target, long Bytes);

/// <summary>A backup that could not be made, with a message for the operator.</summary>
public sealed class BackupFailedException : Exception
{
    public BackupFailedException()
    {
    }

    public BackupFailedException(string message) : base(message)
    {
    }

    public BackupFailedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
