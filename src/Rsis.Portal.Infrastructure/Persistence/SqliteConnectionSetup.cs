using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rsis.Portal.Infrastructure.Persistence;

/// <summary>
/// Sets the busy timeout on every SQLite connection, so that concurrent writers queue instead of failing
/// with "database is locked": on the one each request opens (<see cref="Open"/>), and on any EF opens itself.
/// WAL mode itself is stored in the file and set once at startup.
/// </summary>
internal sealed class SqliteConnectionSetup(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000};";

    /// <summary>A connection opened here, with the busy timeout set; EF leaves a connection it did not open open.</summary>
    public SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            SetBusyTimeout(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = _pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void SetBusyTimeout(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }
}
