using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Redirects.FindRedirect;

/// <summary>
/// Where an address no page answered has moved to, or null (a 404). Asked only on the 404 path, by the exact
/// path (an indexed lookup). The files and feeds of an item follow it: an old article's <c>.pdf</c>,
/// <c>/pdf</c>, <c>.bib</c> and <c>.ris</c>, and the feeds of an old series, author or category, are found by
/// the redirect of the page they belong to, so one redirect per move covers them all.
/// </summary>
public sealed record FindRedirect(string Path) : IQuery<string?>;

public sealed class FindRedirectHandler(IPortalDbContext db, IReservedAddresses reserved, TimeProvider time) : IQueryHandler<FindRedirect, string?>
{
    private static readonly string[] ArticleFiles = [".pdf", "/pdf", ".bib", ".ris"];

    private static readonly (string Feeds, string Pages)[] FeedSubjects =
    [
        ("/feeds/series/", "/publications/"),
        ("/feeds/authors/", "/authors/"),
        ("/feeds/categories/", "/categories/"),
    ];

    public async ValueTask<string?> Handle(FindRedirect query, CancellationToken cancellationToken)
    {
        var path = query.Path;
        if (path.Length is 0 or > Redirect.MaxPathLength)
        {
            return null;
        }

        if (await TargetOfAsync(path, cancellationToken) is { } target)
        {
            return target;
        }

        if (path.StartsWith("/publications/", StringComparison.Ordinal)
            && ArticleFiles.FirstOrDefault(f => path.EndsWith(f, StringComparison.Ordinal)) is { } file
            && await TargetOfAsync(path[..^file.Length], cancellationToken) is { } article
            && article.StartsWith("/publications/", StringComparison.Ordinal))
        {
            return article + file;
        }

        foreach (var (feeds, pages) in FeedSubjects)
        {
            if (path.StartsWith(feeds, StringComparison.Ordinal) && path.LastIndexOf('.') is var dot && dot > feeds.Length
                && await TargetOfAsync(pages + path[feeds.Length..dot], cancellationToken) is { } moved
                && moved.StartsWith(pages, StringComparison.Ordinal) && moved.IndexOf('/', pages.Length) < 0)
            {
                return feeds + moved[pages.Length..] + path[dot..];
            }
        }

        return null;
    }

    private async Task<string?> TargetOfAsync(string path, CancellationToken cancellationToken)
    {
        var target = await db.Redirects.AsNoTracking()
            .Where(r => r.OldPath == path)
            .Select(r => r.Target)
            .SingleOrDefaultAsync(cancellationToken);
        return target is not null && await ReadersMaySeeAsync(target, cancellationToken) ? target : null;
    }

    /// <summary>
    /// A redirect never leads readers to an item they may not see (a draft, a deleted article, a hidden menu
    /// section) nor gives its address away: the old address stays a plain 404 until the item is back.
    /// </summary>
    private async Task<bool> ReadersMaySeeAsync(string target, CancellationToken cancellationToken)
    {
        var segments = target.Split('/');
        if (segments is ["", "publications", _, var slug])
        {
            var now = time.GetUtcNow().UtcDateTime;
            return await db.Publications.Where(p => p.Slug == slug).WhereVisible(now).AnyAsync(cancellationToken);
        }

        if (segments is ["", var pageSlug] && pageSlug.Length > 0 && !reserved.IsReserved(pageSlug))
        {
            return await db.Pages.AnyAsync(p => p.Slug == pageSlug, cancellationToken)
                || await db.MenuItems.AnyAsync(m => m.Slug == pageSlug && m.IsVisible, cancellationToken);
        }

        return true;
    }
}
