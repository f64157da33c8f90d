namespace Rsis.Portal.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (the default) or <see cref="DatabaseProvider.SqlServer"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Applies migrations and the seed at startup (on by default; turn off when a release job does it).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Seconds a SQLite write waits for another writer before giving up.</summary>
    public int SqliteBusyTimeoutSeconds { get; set; } = 30;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
