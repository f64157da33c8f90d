using Rsis.Portal.Application.Navigation;
using Rsis.Portal.Application.Pages.GetContentPage;

namespace Rsis.Portal.Application.Pages.PreviewPage;

/// <summary>
/// A content page as readers will see it: as stored, or with the unsaved values of the edit form
/// (<see cref="Unsaved"/>), shown and never saved. With <see cref="PreviewKey"/> (a shared link), only while the
/// page still has that key. Null when there is no such page.
/// </summary>
public sealed record PreviewPage(int Id, PageFields? Unsaved = null, Guid? PreviewKey = null) : IQuery<ContentPage?>;

public sealed class PreviewPageHandler(IPortalDbContext db, ISharedDataCache cache, MarkdownRenderer markdown)
    : IQueryHandler<PreviewPage, ContentPage?>
{
    public async ValueTask<ContentPage?> Handle(PreviewPage query, CancellationToken cancellationToken)
    {
        var stored = await db.Pages.AsNoTracking()
            .Where(p => p.Id == query.Id && (query.PreviewKey == null || p.PreviewKey == query.PreviewKey))
            .Select(p => new PageFields { Title = p.Title, Slug = p.Slug, Body = p.Body, ShowsContactDetails = p.ShowsContactDetails })
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }

        // The form's values are shown unchecked: a preview shows what was typed.
        var draft = query.Unsaved ?? stored;
        // An address that cannot be made (no letters or digits) keeps the stored one, as saving would refuse it.
        var slug = EditedItems.SlugOrFrom(draft.Slug, draft.Title) is { Length: > 0 } typed ? typed : stored.Slug;
        var title = draft.Title.Trim();
        var menu = MenuTree.Build(await MenuRows.LoadAsync(db, cache, cancellationToken));
        var page = await GetContentPageHandler.WrittenPageAsync(
            db, menu, markdown, slug, title, draft.Body, draft.ShowsContactDetails, cancellationToken);
        // The live page falls back to its own address for the trail; a preview is not at that address.
        return page.Trail.Count > 0 ? page : page with { Trail = [new Link(title, PortalUrls.Page(slug))] };
    }
}
