namespace Rsis.Portal.Application.PublicationSeries.ListSeriesForEditing;

/// <summary>
/// The admin list of series, as the menu and sidebar order them: RSIS Publications, then External Publications,
/// each by position. A few dozen at most, so one page.
/// </summary>
public sealed record ListSeriesForEditing : IQuery<IReadOnlyList<SeriesRow>>;

public sealed record SeriesRow(int Id, string Name, string Slug, string? CodePrefix, SeriesGroup Group, int SortOrder, int PublicationCount);

public sealed class ListSeriesForEditingHandler(IPortalDbContext db) : IQueryHandler<ListSeriesForEditing, IReadOnlyList<SeriesRow>>
{
    public async ValueTask<IReadOnlyList<SeriesRow>> Handle(ListSeriesForEditing query, CancellationToken cancellationToken) =>
        await db.Series.AsNoTracking()
            .OrderBy(s => s.Group).ThenBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SeriesRow(s.Id, s.Name, s.Slug, s.CodePrefix, s.Group, s.SortOrder, s.Publications.Count))
            .ToListAsync(cancellationToken);
}
