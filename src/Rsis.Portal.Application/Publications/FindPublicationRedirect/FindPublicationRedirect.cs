using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Common.Text;

namespace Rsis.Portal.Application.Publications.FindPublicationRedirect;

/// <summary>
/// Where an old article address now lives: the current address of the publication that used
/// <see cref="Slug"/> before its title changed, if readers may see it. Null otherwise (a 404).
/// </summary>
public sealed record FindPublicationRedirect(string Slug) : IQuery<string?>;

public sealed class FindPublicationRedirectHandler(IPortalDbContext db, TimeProvider clock) : IQueryHandler<FindPublicationRedirect, string?>
{
    public async ValueTask<string?> Handle(FindPublicationRedirect query, CancellationToken cancellationToken)
    {
        if (!Slug.IsWellFormed(query.Slug))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.SlugRedirects.AsNoTracking()
            .Where(r => r.Slug == query.Slug)
            .Select(r => r.Publication)
            .WhereVisible(now)
            .Select(p => PortalUrls.Publication(p.Series.Slug, p.Slug))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
