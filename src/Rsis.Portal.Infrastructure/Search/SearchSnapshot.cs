using System.Data.Common;
using System.Globalization;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Infrastructure.Search;

/// <summary>
/// What a search needs to know of every publication besides its text (series, date, code, status and
/// scheduled time, author and category ids), in arrays indexed by publication id: a few megabytes for
/// 100,000 publications. Counting every filter over 30,000 matches in SQL reads 30,000 rows per filter;
/// here it is a loop over arrays. Immutable; replaced whole when the database's search version changes.
/// </summary>
internal sealed class SearchSnapshot
{
    private static readonly int[] NoIds = [];

    private readonly int[] _seriesIds;
    private readonly int[] _publishedOn;
    private readonly short[] _years;
    private readonly string?[] _codes;
    private readonly long[] _visibleFrom;
    private readonly int[][] _authorIds;
    private readonly int[][] _categoryIds;

    private SearchSnapshot(long version, int capacity)
    {
        Version = version;
        _seriesIds = new int[capacity];
        _publishedOn = new int[capacity];
        _years = new short[capacity];
        _codes = new string?[capacity];
        _visibleFrom = new long[capacity];
        Array.Fill(_visibleFrom, long.MaxValue);
        _authorIds = new int[capacity][];
        _categoryIds = new int[capacity][];
        Array.Fill(_authorIds, NoIds);
        Array.Fill(_categoryIds, NoIds);
    }

    public static readonly SearchSnapshot Empty = new(-1, 0);

    /// <summary>The value of PublicationSearchVersion.Version this snapshot was read at.</summary>
    public long Version { get; }

    public int Capacity => _seriesIds.Length;

    /// <summary>Published and past its scheduled time, if any, at <paramref name="utcNowTicks"/>; false for ids that do not exist.</summary>
    public bool IsVisible(int id, long utcNowTicks) => (uint)id < (uint)Capacity && _visibleFrom[id] <= utcNowTicks;

    public int SeriesId(int id) => _seriesIds[id];

    public int Year(int id) => _years[id];

    public int PublishedOnDayNumber(int id) => _publishedOn[id];

    public string Code(int id) => _codes[id] ?? "";

    public int[] AuthorIds(int id) => _authorIds[id];

    public int[] CategoryIds(int id) => _categoryIds[id];

    /// <summary>
    /// Reads the snapshot: three scans, of the narrow IX_Publications_Search index (SQLite picks it, as
    /// it covers every column read) and of the two link tables' keys. <paramref name="version"/> is read before, so a save that lands meanwhile only causes
    /// one more reload later, never a stale snapshot kept.
    /// </summary>
    public static async Task<SearchSnapshot> LoadAsync(DbConnection connection, long version, CancellationToken cancellationToken)
    {
        var maxId = Convert.ToInt32(await ScalarAsync(connection, "SELECT coalesce(max(\"Id\"), 0) FROM \"Publications\"", cancellationToken), CultureInfo.InvariantCulture);
        var snapshot = new SearchSnapshot(version, maxId + 1);

        await ReadAsync(connection,
            """
            SELECT "Id", "SeriesId", "PublishedOn", "Code", "Status", "PublishAtUtc", "DeletedAtUtc"
            FROM "Publications"
            """,
            reader =>
            {
                var id = reader.GetInt32(0);
                if (id >= snapshot.Capacity)
                {
                    return;
                }

                snapshot._seriesIds[id] = reader.GetInt32(1);
                var publishedOn = DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                snapshot._publishedOn[id] = publishedOn.DayNumber;
                snapshot._years[id] = (short)publishedOn.Year;
                snapshot._codes[id] = reader.GetString(3);
                // What is in the Trash is never visible; the search index keeps it, for a restore brings it back.
                snapshot._visibleFrom[id] = reader.GetInt32(4) != (int)PublicationStatus.Published || !reader.IsDBNull(6)
                    ? long.MaxValue
                    : reader.IsDBNull(5)
                        ? long.MinValue
                        : DateTime.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks;
            },
            cancellationToken);

        await ReadLinksAsync(connection, "SELECT \"PublicationId\", \"AuthorId\" FROM \"PublicationAuthors\" ORDER BY \"PublicationId\"", snapshot._authorIds, cancellationToken);
        await ReadLinksAsync(connection, "SELECT \"PublicationId\", \"CategoryId\" FROM \"PublicationCategories\" ORDER BY \"PublicationId\"", snapshot._categoryIds, cancellationToken);
        return snapshot;
    }

    private static async Task ReadLinksAsync(DbConnection connection, string sql, int[][] into, CancellationToken cancellationToken)
    {
        var current = -1;
        var ids = new List<int>(4);
        void Flush()
        {
            if (current >= 0 && current < into.Length)
            {
                into[current] = [.. ids];
            }

            ids.Clear();
        }

        await ReadAsync(connection, sql, reader =>
        {
            var publicationId = reader.GetInt32(0);
            if (publicationId != current)
            {
                Flush();
                current = publicationId;
            }

            ids.Add(reader.GetInt32(1));
        }, cancellationToken);
        Flush();
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ReadAsync(DbConnection connection, string sql, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }
}

/// <summary>
/// The app's current <see cref="SearchSnapshot"/> (a singleton). Every search first reads the one-row
/// PublicationSearchVersion table, which the search triggers bump on every change that matters, and
/// reloads when it moved: so an edit on any app node is seen by every node's next search.
/// </summary>
public sealed class SearchSnapshots : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile SearchSnapshot _current = SearchSnapshot.Empty;

    internal async Task<SearchSnapshot> CurrentAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        long version;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Version\" FROM \"PublicationSearchVersion\" WHERE \"Id\" = 1";
            version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        // Versions only grow: a snapshot at least this new is current enough.
        var current = _current;
        if (current.Version >= version)
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            // Another request may have loaded it while this one waited.
            if (_current.Version < version)
            {
                _current = await SearchSnapshot.LoadAsync(connection, version, cancellationToken);
            }

            return _current;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();
}
