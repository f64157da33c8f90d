namespace Rsis.Portal.Application.Publications.CountPublicationsComingOut;

/// <summary>
/// How many scheduled publications became public in (<see cref="AfterUtc"/>, <see cref="UntilUtc"/>]: when
/// any did, the cached listings that do not show them yet must go.
/// </summary>
public sealed record CountPublicationsComingOut(DateTime AfterUtc, DateTime UntilUtc) : IQuery<int>;

public sealed class CountPublicationsComingOutHandler(IPortalDbContext db) : IQueryHandler<CountPublicationsComingOut, int>
{
    public async ValueTask<int> Handle(CountPublicationsComingOut query, CancellationToken cancellationToken) =>
        await db.Publications.AsNoTracking()
            .CountAsync(p => p.Status == PublicationStatus.Published
                && p.PublishAtUtc > query.AfterUtc && p.PublishAtUtc <= query.UntilUtc, cancellationToken);
}
