namespace Rsis.Portal.Application.Redirects.ListRedirects;

/// <summary>The redirects for staff, newest first, optionally those whose old address or target contains <see cref="Search"/>.</summary>
public sealed record ListRedirects(string? Search, int? Page) : IQuery<RedirectList>
{
    public const int PageSize = 50;
}

public sealed record RedirectList(IReadOnlyList<RedirectRow> Rows, Paging Paging, string? Search);

public sealed record RedirectRow(int Id, string OldPath, string Target, DateTime CreatedAtUtc);

public sealed class ListRedirectsHandler(IPortalDbContext db) : IQueryHandler<ListRedirects, RedirectList>
{
    public async ValueTask<RedirectList> Handle(ListRedirects query, CancellationToken cancellationToken)
    {
        var search = query.Search?.Trim();
        var redirects = db.Redirects.AsNoTracking();
        if (!string.IsNullOrEmpty(search))
        {
            redirects = redirects.Where(r => r.OldPath.Contains(search) || r.Target.Contains(search));
        }

        var paging = Paging.Clamp(query.Page, ListRedirects.PageSize, await redirects.CountAsync(cancellationToken));
        var rows = await redirects
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(r => new RedirectRow(r.Id, r.OldPath, r.Target, r.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        return new RedirectList(rows, paging, string.IsNullOrEmpty(search) ? null : search);
    }

    /// <summary>One redirect, for the delete confirmation; null when it is gone.</summary>
    public static Task<RedirectRow?> FindAsync(IPortalDbContext db, int id, CancellationToken cancellationToken) =>
        db.Redirects.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RedirectRow(r.Id, r.OldPath, r.Target, r.CreatedAtUtc))
            .SingleOrDefaultAsync(cancellationToken);
}

/// <summary>One redirect, for the delete confirmation; null when it is gone.</summary>
public sealed record GetRedirect(int Id) : IQuery<RedirectRow?>;

public sealed class GetRedirectHandler(IPortalDbContext db) : IQueryHandler<GetRedirect, RedirectRow?>
{
    public async ValueTask<RedirectRow?> Handle(GetRedirect query, CancellationToken cancellationToken) =>
        await ListRedirectsHandler.FindAsync(db, query.Id, cancellationToken);
}
