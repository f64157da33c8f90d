using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Common.Models;
using Rsis.Portal.Application.Common.Text;

namespace Rsis.Portal.Application.Publications.GetPublication;

/// <summary>
/// The article page. Found by its slug, or by its code (<c>/publications/…/co13046</c>); when the
/// request's path is not the canonical one the controller redirects to <see cref="ArticlePage.Url"/>.
/// </summary>
public sealed record GetPublication(string SeriesSlug, string Slug) : IQuery<ArticlePage?>;

public sealed record ArticlePage(
    string Code,
    string Title,
    string Url,
    string PdfUrl,
    Link Series,
    DateOnly PublishedOn,
    IReadOnlyList<Link> Authors,
    string Synopsis,
    string BodyHtml,
    string AboutTheAuthorsHtml,
    IReadOnlyList<Link> Categories,
    IReadOnlyList<Link> Sidebar)
{
    /// <summary>The heading as the source page shows it: "CO13046 | US-China Cyber Talks: …".</summary>
    public string Heading => $"{Code} | {Title}";
}

public sealed class GetPublicationHandler(IPortalDbContext db, IClock clock, MarkdownRenderer markdown)
    : IQueryHandler<GetPublication, ArticlePage?>
{
    public async ValueTask<ArticlePage?> Handle(GetPublication query, CancellationToken cancellationToken)
    {
        var article = await db.Publications.AsNoTracking()
            .WhereVisible(clock.UtcNow)
            .WhereSlugOrCode(query.Slug)
            .Select(p => new
            {
                p.Code,
                p.Title,
                SeriesName = p.Series.Name,
                SeriesSlug = p.Series.Slug,
                p.Slug,
                p.PublishedOn,
                Authors = p.Authors.OrderBy(a => a.Position)
                    .Select(a => new Link(a.Author.Name, PortalUrls.Author(a.Author.Slug))).ToList(),
                p.Synopsis,
                p.Body,
                p.AboutTheAuthors,
                Categories = p.Categories.OrderBy(c => c.Category.Name)
                    .Select(c => new Link(c.Category.Name, PortalUrls.Category(c.Category.Slug))).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);

        if (article is null)
        {
            return null;
        }

        return new ArticlePage(
            article.Code,
            article.Title,
            PortalUrls.Publication(article.SeriesSlug, article.Slug),
            PortalUrls.PublicationPdf(article.SeriesSlug, article.Slug),
            new Link(article.SeriesName, PortalUrls.Series(article.SeriesSlug)),
            article.PublishedOn,
            article.Authors,
            article.Synopsis,
            // The body's "##" headings sit under the page's own "Commentary" heading.
            markdown.ToSafeHtml(article.Body, headingOffset: 1),
            markdown.ToSafeHtml(article.AboutTheAuthors),
            article.Categories,
            await PublicationQueries.LoadSeriesSidebarAsync(db, cancellationToken));
    }
}
