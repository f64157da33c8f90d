using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Common.Models;
using Rsis.Portal.Application.Common.Text;
using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Authors.GetAuthor;

/// <summary>An author's page: name, title, biography and publications, newest first.</summary>
public sealed record GetAuthor(string Slug, int? Page) : IQuery<AuthorPage?>
{
    public const int PageSize = 20;
}

public sealed record AuthorPage(
    string Name,
    string Slug,
    string ShortTitle,
    string BiographyHtml,
    IReadOnlyList<PublicationSummary> Publications,
    Paging Paging);

public sealed class GetAuthorHandler(IPortalDbContext db, IClock clock, MarkdownRenderer markdown)
    : IQueryHandler<GetAuthor, AuthorPage?>
{
    public async ValueTask<AuthorPage?> Handle(GetAuthor query, CancellationToken cancellationToken)
    {
        var author = await db.Authors.AsNoTracking()
            .Where(a => a.Slug == query.Slug)
            .Select(a => new { a.Id, a.Name, a.Slug, a.ShortTitle, a.Biography })
            .SingleOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return null;
        }

        var (items, paging) = await db.Publications.AsNoTracking()
            .WhereVisible(clock.UtcNow)
            .Where(p => p.Authors.Any(a => a.AuthorId == author.Id))
            .PageAsync(query.Page, GetAuthor.PageSize, cancellationToken);

        return new AuthorPage(author.Name, author.Slug, author.ShortTitle, markdown.ToSafeHtml(author.Biography), items, paging);
    }
}
