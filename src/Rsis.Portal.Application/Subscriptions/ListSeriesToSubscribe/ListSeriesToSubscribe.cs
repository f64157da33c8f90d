using Rsis.Portal.Application.PublicationSeries;

namespace Rsis.Portal.Application.Subscriptions.ListSeriesToSubscribe;

/// <summary>The series a reader can choose on the subscribe and manage forms, under their groups.</summary>
public sealed record ListSeriesToSubscribe : IQuery<IReadOnlyList<SeriesChoice>>;

public sealed class ListSeriesToSubscribeHandler(IPortalDbContext db) : IQueryHandler<ListSeriesToSubscribe, IReadOnlyList<SeriesChoice>>
{
    public async ValueTask<IReadOnlyList<SeriesChoice>> Handle(ListSeriesToSubscribe query, CancellationToken cancellationToken) =>
        await db.Series.ToChoicesAsync(cancellationToken);
}
