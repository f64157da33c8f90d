namespace Rsis.Portal.Application.Harvesting.ListHarvestRecords;

/// <summary>Where a page of records ends: the next page starts after this datestamp and id.</summary>
public sealed record HarvestKey(DateTime DatestampUtc, int Id);

/// <summary>
/// One page of the records of a selective harvest (OAI-PMH ListRecords and ListIdentifiers), ordered by datestamp
/// and id so that a harvest resumed after <see cref="After"/> neither skips nor repeats a record that stayed put.
/// <see cref="FromUtc"/> is inclusive and <see cref="UntilUtc"/> exclusive (the caller turns the protocol's
/// inclusive day or second into the moment after it). <see cref="SetSpec"/> is a series slug or
/// <c>group.{slug}</c>; one that names nothing matches nothing.
/// </summary>
public sealed record ListHarvestRecords(
    DateTime? FromUtc,
    DateTime? UntilUtc,
    string? SetSpec,
    HarvestKey? After,
    bool WithMetadata) : IQuery<HarvestPage>
{
    /// <summary>Records a page, as the issue asks.</summary>
    public const int PageSize = 100;
}

/// <summary>A page of records; <see cref="Next"/> is null on the last page.</summary>
public sealed record HarvestPage(IReadOnlyList<HarvestRecord> Records, int CompleteListSize, HarvestKey? Next);

public sealed class ListHarvestRecordsHandler(IPortalDbContext db, ISharedDataCache cache, TimeProvider clock)
    : IQueryHandler<ListHarvestRecords, HarvestPage>
{
    public async ValueTask<HarvestPage> Handle(ListHarvestRecords query, CancellationToken cancellationToken)
    {
        var rows = HarvestQueries.Rows(db, clock.GetUtcNow().UtcDateTime);
        if (query.FromUtc is { } from)
        {
            rows = rows.Where(r => r.DatestampUtc >= from);
        }

        if (query.UntilUtc is { } until)
        {
            rows = rows.Where(r => r.DatestampUtc < until);
        }

        if (query.SetSpec is { } set)
        {
            var group = Enum.GetValues<SeriesGroup>().Where(g => HarvestQueries.GroupSetSpec(g) == set).Select(g => (SeriesGroup?)g).FirstOrDefault();
            rows = group is { } g ? rows.Where(r => r.SeriesGroup == g) : rows.Where(r => r.SeriesSlug == set);
        }

        var total = await rows.CountAsync(cancellationToken);
        if (query.After is { } after)
        {
            rows = rows.Where(r => r.DatestampUtc > after.DatestampUtc || (r.DatestampUtc == after.DatestampUtc && r.Id > after.Id));
        }

        // One more than a page tells whether another page follows.
        var page = await rows.OrderBy(r => r.DatestampUtc).ThenBy(r => r.Id).Take(ListHarvestRecords.PageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > ListHarvestRecords.PageSize ? page[ListHarvestRecords.PageSize - 1] : null;
        var records = await HarvestQueries.ToRecordsAsync(db, cache, page.Take(ListHarvestRecords.PageSize).ToList(), query.WithMetadata, cancellationToken);
        return new HarvestPage(records, total, next is null ? null : new HarvestKey(next.DatestampUtc, next.Id));
    }
}
