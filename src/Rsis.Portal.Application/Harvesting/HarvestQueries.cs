using Rsis.Portal.Application.Publications;
using Rsis.Portal.Application.PublicationSeries;

namespace Rsis.Portal.Application.Harvesting;

/// <summary>
/// One record of the repository as a harvester sees it: a publication readers can see, or one in the Trash
/// that readers could see before it was deleted (reported as deleted while it is there).
/// </summary>
public sealed class HarvestRow
{
    public int Id { get; init; }
    public string Code { get; init; } = "";
    public int SeriesId { get; init; }
    public string SeriesSlug { get; init; } = "";
    public SeriesGroup SeriesGroup { get; init; }
    public bool IsDeleted { get; init; }

    /// <summary>When the record last changed for a harvester: its deletion, or its last save or scheduled appearance.</summary>
    public DateTime DatestampUtc { get; init; }
}

/// <summary>A record's header: its code, datestamp (UTC, whole seconds), sets, and whether it is deleted.</summary>
public sealed record HarvestHeader(string Code, DateTime DatestampUtc, IReadOnlyList<string> SetSpecs, bool IsDeleted);

/// <summary>A record: its header and, unless it is deleted or only identifiers were asked for, its metadata.</summary>
public sealed record HarvestRecord(HarvestHeader Header, PublicationMetadata? Metadata);

/// <summary>The reading rules of the OAI-PMH use cases.</summary>
public static class HarvestQueries
{
    /// <summary>The prefix of the set that holds every series of a group: "group.rsis-publications".</summary>
    public const string GroupSetPrefix = "group.";

    public static string GroupSlug(SeriesGroup group) => Slug.From(SeriesKind.GroupName(group));

    public static string GroupSetSpec(SeriesGroup group) => GroupSetPrefix + GroupSlug(group);

    /// <summary>
    /// Every record, with the datestamp the protocol orders and filters by. A publication in the Trash is a
    /// deleted record only if readers could see it: a draft that was deleted never was in the repository.
    /// </summary>
    public static IQueryable<HarvestRow> Rows(IPortalDbContext db, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Publications.IgnoreQueryFilters().AsNoTracking()
            .WhereVisible(utcNow)
            .Select(p => new HarvestRow
            {
                Id = p.Id,
                Code = p.Code,
                SeriesId = p.SeriesId,
                SeriesSlug = p.Series.Slug,
                SeriesGroup = p.Series.Group,
                IsDeleted = p.DeletedAtUtc != null,
                // Not PublishedOn: a harvester asks what changed since its last visit, and a publication dated
                // 2013 but put on the site today changed today.
                DatestampUtc = p.DeletedAtUtc != null
                    ? p.DeletedAtUtc.Value
                    : p.PublishAtUtc != null && p.PublishAtUtc > p.UpdatedAtUtc ? p.PublishAtUtc.Value : p.UpdatedAtUtc,
            });
    }

    /// <summary>The header of <paramref name="row"/>: its datestamp cut to the second, the protocol's finest granularity.</summary>
    public static HarvestHeader HeaderOf(HarvestRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var datestamp = DateTime.SpecifyKind(row.DatestampUtc, DateTimeKind.Utc);
        datestamp = datestamp.AddTicks(-(datestamp.Ticks % TimeSpan.TicksPerSecond));
        return new HarvestHeader(row.Code, datestamp, [row.SeriesSlug, GroupSetSpec(row.SeriesGroup)], row.IsDeleted);
    }

    /// <summary>
    /// The metadata of the visible publications among <paramref name="ids"/>, by id: the same
    /// <see cref="PublicationMetadata"/> the article page's Highwire tags are made from, in three queries
    /// (publications, bylines, categories) however many are asked for.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, PublicationMetadata>> LoadMetadataAsync(
        IPortalDbContext db, ISharedDataCache cache, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (ids is null || ids.Count == 0)
        {
            return new Dictionary<int, PublicationMetadata>();
        }

        var publisher = await PublicationMetadata.LoadPublisherAsync(db, cache, cancellationToken);
        var rows = await PublicationRow.LoadAsync(db, ids, cancellationToken);
        var bylines = await PublicationQueries.LoadBylinesAsync(db, ids, cancellationToken);
        var categories = (await db.Publications.AsNoTracking()
                .SelectMany(p => p.Categories)
                .Where(c => ids.Contains(c.PublicationId))
                .OrderBy(c => c.Category.Name)
                .Select(c => new { c.PublicationId, c.Category.Name, c.Category.Slug })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.PublicationId, c => new Link(c.Name, PortalUrls.Category(c.Slug)));

        // Dublin Core has no place for corrections; the article page shows them.
        return rows.Values.ToDictionary(p => p.Id, p => p.ToMetadata(bylines[p.Id].ToList(), publisher, categories[p.Id].ToList(), []));
    }

    /// <summary>The records of <paramref name="rows"/> in their order, with metadata for those not deleted when asked.</summary>
    public static async Task<IReadOnlyList<HarvestRecord>> ToRecordsAsync(
        IPortalDbContext db, ISharedDataCache cache, IReadOnlyList<HarvestRow> rows, bool withMetadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var metadata = withMetadata
            ? await LoadMetadataAsync(db, cache, rows.Where(r => !r.IsDeleted).Select(r => r.Id).ToList(), cancellationToken)
            : new Dictionary<int, PublicationMetadata>();
        return rows.Select(r => new HarvestRecord(HeaderOf(r), metadata.GetValueOrDefault(r.Id))).ToList();
    }
}
