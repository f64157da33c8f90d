namespace Rsis.Portal.Application.History.GetHistory;

/// <summary>Every kept version of an item, newest first; null when there is no such type or item.</summary>
public sealed record GetHistory(string EntityType, int Id) : IQuery<ItemHistory?>;

public sealed record ItemHistory(EditedItemHeading Item, IReadOnlyList<VersionRow> Versions)
{
    public int Latest => Versions.Count == 0 ? 0 : Versions[0].Number;
}

public sealed record VersionRow(int Number, DateTime AtUtc, string By, string Summary);

public sealed class GetHistoryHandler(IPortalDbContext db, IEnumerable<IEditableKind> kinds) : IQueryHandler<GetHistory, ItemHistory?>
{
    public async ValueTask<ItemHistory?> Handle(GetHistory query, CancellationToken cancellationToken)
    {
        if (kinds.FirstOrDefault(k => k.EntityType == query.EntityType) is not { } kind
            || await kind.FindAsync(db, query.Id, cancellationToken) is not { } item)
        {
            return null;
        }

        var versions = await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == kind.EntityType && r.EntityId == item.Id)
            .OrderByDescending(r => r.Number)
            .Select(r => new VersionRow(r.Number, r.AtUtc, r.By, r.Summary))
            .ToListAsync(cancellationToken);
        return new ItemHistory(item, versions);
    }
}
