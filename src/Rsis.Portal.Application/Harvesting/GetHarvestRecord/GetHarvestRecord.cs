namespace Rsis.Portal.Application.Harvesting.GetHarvestRecord;

/// <summary>
/// The record of the publication coded <see cref="Code"/> (OAI-PMH GetRecord, and ListMetadataFormats for one
/// item): null when there is none, or it was never public. A deleted record has no metadata.
/// </summary>
public sealed record GetHarvestRecord(string Code, bool WithMetadata) : IQuery<HarvestRecord?>;

public sealed class GetHarvestRecordHandler(IPortalDbContext db, ISharedDataCache cache, TimeProvider clock)
    : IQueryHandler<GetHarvestRecord, HarvestRecord?>
{
    public async ValueTask<HarvestRecord?> Handle(GetHarvestRecord query, CancellationToken cancellationToken)
    {
        var row = await HarvestQueries.Rows(db, clock.GetUtcNow().UtcDateTime)
            .Where(r => r.Code == query.Code)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (await HarvestQueries.ToRecordsAsync(db, cache, [row], query.WithMetadata, cancellationToken))[0];
    }
}
