namespace Rsis.Portal.Application.PublicationSeries.GetSeriesForEditing;

/// <summary>A series as the admin edit and delete pages show it: fields, token, publications, menu entries, history.</summary>
public sealed record GetSeriesForEditing(int Id) : IQuery<SeriesForEditing?>;

public sealed record SeriesForEditing(
    int Id,
    Guid ConcurrencyToken,
    string Name,
    string Slug,
    string? CodePrefix,
    SeriesGroup Group,
    string Description,
    int SortOrder,
    SeriesFacts Facts) : IForEditing<SeriesFacts>
{
    public string Label => Name;
}

public sealed record SeriesFacts(
    int Id,
    string Name,
    string Url,
    int PublicationCount,
    IReadOnlyList<UsedBy> Publications,
    IReadOnlyList<string> MenuEntries,
    IReadOnlyList<ItemHistoryEntry> History)
{
    public bool IsInUse => PublicationCount > 0 || MenuEntries.Count > 0;
}

public sealed class GetSeriesForEditingHandler(IPortalDbContext db) : IQueryHandler<GetSeriesForEditing, SeriesForEditing?>
{
    public async ValueTask<SeriesForEditing?> Handle(GetSeriesForEditing query, CancellationToken cancellationToken)
    {
        var s = await db.Series.AsNoTracking()
            .Where(s => s.Id == query.Id)
            .Select(s => new
            {
                s.Id,
                s.ConcurrencyToken,
                s.Name,
                s.Slug,
                s.CodePrefix,
                s.Group,
                s.Description,
                s.SortOrder,
                Count = s.Publications.Count,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (s is null)
        {
            return null;
        }

        var publications = await db.Publications.AsNoTracking()
            .Where(p => p.SeriesId == s.Id)
            .OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Code)
            .Take(UsedBy.Listed)
            .Select(p => new UsedBy(p.Id, p.Code, p.Title))
            .ToListAsync(cancellationToken);
        var menuEntries = await db.MenuItems.AsNoTracking()
            .Where(m => m.TargetKind == MenuTargetKind.Series && m.SeriesId == s.Id)
            .OrderBy(m => m.Title).Select(m => m.Title)
            .ToListAsync(cancellationToken);
        var facts = new SeriesFacts(s.Id, s.Name, PortalUrls.Series(s.Slug), s.Count, publications, menuEntries,
            await EditedItems.HistoryAsync(db, nameof(Series), s.Id, cancellationToken));
        return new SeriesForEditing(s.Id, s.ConcurrencyToken, s.Name, s.Slug, s.CodePrefix, s.Group, s.Description, s.SortOrder, facts);
    }
}
