using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Editing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Navigation;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Navigation.FindRenamedSlug;

/// <summary>
/// The current slug of the author, series, category, content page or menu section that used <see cref="Slug"/>
/// before a rename, for a 301 from its old addresses (page and feed); null (a 404) when nothing had it or that
/// item is gone (or, for a menu section, hidden). Old slugs are read from the audit log's record of slug
/// changes, so these items need no table of old addresses the way publications have one.
/// </summary>
public sealed record FindRenamedSlug(RenamedItem Kind, string Slug) : IQuery<string?>;

public enum RenamedItem
{
    Author,
    Series,
    Category,
    Page,

    /// <summary>The section page of a menu entry, at <c>/{slug}</c> like a content page.</summary>
    MenuSection,
}

public sealed class FindRenamedSlugHandler(IPortalDbContext db) : IQueryHandler<FindRenamedSlug, string?>
{
    public async ValueTask<string?> Handle(FindRenamedSlug query, CancellationToken cancellationToken)
    {
        if (!Common.Text.Slug.IsWellFormed(query.Slug))
        {
            return null;
        }

        var formerOwner = query.Kind switch
        {
            RenamedItem.Author => EditedItems.FormerOwnerOfSlugAsync(db, nameof(Author), query.Slug, cancellationToken),
            RenamedItem.Series => EditedItems.FormerOwnerOfSlugAsync(db, nameof(Series), query.Slug, cancellationToken),
            RenamedItem.Category => EditedItems.FormerOwnerOfSlugAsync(db, nameof(Category), query.Slug, cancellationToken),
            RenamedItem.Page => EditedItems.FormerOwnerOfSlugAsync(db, nameof(Page), query.Slug, cancellationToken),
            // The menu's history records the address as staff see it: "/staff-profiles".
            _ => EditedItems.FormerOwnerAsync(db, nameof(MenuItem), MenuWriting.AddressField, "/" + query.Slug, cancellationToken),
        };
        if (await formerOwner is not int id)
        {
            return null;
        }

        var slug = query.Kind switch
        {
            RenamedItem.Author => await db.Authors.Where(a => a.Id == id).Select(a => a.Slug).SingleOrDefaultAsync(cancellationToken),
            RenamedItem.Series => await db.Series.Where(s => s.Id == id).Select(s => s.Slug).SingleOrDefaultAsync(cancellationToken),
            RenamedItem.Category => await db.Categories.Where(c => c.Id == id).Select(c => c.Slug).SingleOrDefaultAsync(cancellationToken),
            RenamedItem.Page => await db.Pages.Where(p => p.Id == id).Select(p => p.Slug).SingleOrDefaultAsync(cancellationToken),
            _ => await db.MenuItems.Where(m => m.Id == id && m.IsVisible).Select(m => m.Slug).SingleOrDefaultAsync(cancellationToken),
        };
        return slug == query.Slug ? null : slug;
    }
}
