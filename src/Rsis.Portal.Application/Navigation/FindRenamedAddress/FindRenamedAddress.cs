using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Editing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Navigation;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Navigation.FindRenamedAddress;

/// <summary>
/// Where the author, series, category or content page that used <see cref="Slug"/> before a rename lives now, for
/// a 301; null (a 404) when nothing had it or that item is gone. Old slugs are read from the audit log's record of
/// slug changes, so these items need no table of old addresses the way publications have one.
/// </summary>
public sealed record FindRenamedAddress(RenamedItem Kind, string Slug) : IQuery<string?>;

public enum RenamedItem
{
    Author,
    Series,
    Category,
    Page,
}

public sealed class FindRenamedAddressHandler(IPortalDbContext db) : IQueryHandler<FindRenamedAddress, string?>
{
    public async ValueTask<string?> Handle(FindRenamedAddress query, CancellationToken cancellationToken)
    {
        if (!Common.Text.Slug.IsWellFormed(query.Slug))
        {
            return null;
        }

        var entityType = query.Kind switch
        {
            RenamedItem.Author => nameof(Author),
            RenamedItem.Series => nameof(Series),
            RenamedItem.Category => nameof(Category),
            _ => nameof(Page),
        };
        if (await EditedItems.FormerOwnerOfSlugAsync(db, entityType, query.Slug, cancellationToken) is not int id)
        {
            return null;
        }

        var slug = query.Kind switch
        {
            RenamedItem.Author => await db.Authors.Where(a => a.Id == id).Select(a => a.Slug).SingleOrDefaultAsync(cancellationToken),
            RenamedItem.Series => await db.Series.Where(s => s.Id == id).Select(s => s.Slug).SingleOrDefaultAsync(cancellationToken),
            RenamedItem.Category => await db.Categories.Where(c => c.Id == id).Select(c => c.Slug).SingleOrDefaultAsync(cancellationToken),
            _ => await db.Pages.Where(p => p.Id == id).Select(p => p.Slug).SingleOrDefaultAsync(cancellationToken),
        };
        if (slug is null || slug == query.Slug)
        {
            return null;
        }

        return query.Kind switch
        {
            RenamedItem.Author => PortalUrls.Author(slug),
            RenamedItem.Series => PortalUrls.Series(slug),
            RenamedItem.Category => PortalUrls.Category(slug),
            _ => PortalUrls.Page(slug),
        };
    }
}
