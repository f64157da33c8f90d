using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Navigation;

namespace Rsis.Portal.Application.Redirects.FindRedirect;

/// <summary>
/// Where an address no page answered has moved to, or null (a 404). Asked only on the 404 path, by the exact
/// path (an indexed lookup). The files and feeds of an item follow it: an old article's <c>.pdf</c>,
/// <c>/pdf</c>, <c>.bib</c> and <c>.ris</c>, and the feeds of an old series, author or category, are found by
/// the redirect of the page they belong to, so one redirect per move covers them all.
/// </summary>
public sealed record FindRedirect(string Path) : IQuery<string?>;

public sealed class FindRedirectHandler(IPortalDbContext db) : IQueryHandler<FindRedirect, string?>
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

    private async Task<string?> TargetOfAsync(string path, CancellationToken cancellationToken) =>
        await db.Redirects.AsNoTracking()
            .Where(r => r.OldPath == path)
            .Select(r => r.Target)
            .SingleOrDefaultAsync(cancellationToken);
}
