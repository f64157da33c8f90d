namespace Rsis.Portal.Application.Previews.GetPreviewKey;

/// <summary>
/// What a shared preview link of an item is made from: its preview key and how staff name it; null when the
/// item does not exist.
/// </summary>
public sealed record GetPreviewKey(PreviewKind Kind, int Id) : IQuery<PreviewKey?>;

/// <param name="Key">Carried in every link; renewed to revoke them.</param>
/// <param name="Label">"CO13046" for a publication, the title for a page.</param>
public sealed record PreviewKey(Guid Key, string Label);

public sealed class GetPreviewKeyHandler(IPortalDbContext db) : IQueryHandler<GetPreviewKey, PreviewKey?>
{
    public async ValueTask<PreviewKey?> Handle(GetPreviewKey query, CancellationToken cancellationToken) =>
        await FindAsync(db, query.Kind, query.Id, cancellationToken);

    internal static Task<PreviewKey?> FindAsync(IPortalDbContext db, PreviewKind kind, int id, CancellationToken cancellationToken) =>
        kind == PreviewKind.Publication
            ? db.Publications.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new PreviewKey(p.PreviewKey, p.Code)).SingleOrDefaultAsync(cancellationToken)
            : db.Pages.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new PreviewKey(p.PreviewKey, p.Title)).SingleOrDefaultAsync(cancellationToken);
}
