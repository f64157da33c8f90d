using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Common.Models;

namespace Rsis.Portal.Application.Publications;

/// <summary>
/// What the portal says about a publication to machines and to citers, in one place: the article page's
/// Highwire Press (Google Scholar) tags, its schema.org JSON-LD, Open Graph and Twitter tags, and the APA,
/// Chicago, Harvard, BibTeX and RIS citations are all made from this. URLs are paths on the site.
/// </summary>
public sealed record PublicationMetadata(
    string Code,
    string Title,
    IReadOnlyList<Link> Authors,
    DateOnly PublishedOn,
    DateTime LastModifiedUtc,
    Link Series,
    string Publisher,
    string Synopsis,
    string Url,
    string PdfUrl,
    IReadOnlyList<Link> Categories)
{
    /// <summary>Every publication is in English; the source page gives no other language.</summary>
    public const string Language = "en";

    /// <summary>
    /// The visible publication at <paramref name="slug"/> (or its code, in any letter case), with its id;
    /// null when there is none or it is a draft or not yet due.
    /// </summary>
    public static async Task<(int Id, PublicationMetadata Metadata)?> FindAsync(
        IPortalDbContext db, DateTime utcNow, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Publications.AsNoTracking()
            .WhereVisible(utcNow)
            .WhereSlugOrCode(slug)
            .Select(p => new
            {
                p.Id,
                p.Code,
                p.Title,
                p.Slug,
                SeriesName = p.Series.Name,
                SeriesSlug = p.Series.Slug,
                p.PublishedOn,
                p.PublishAtUtc,
                p.UpdatedAtUtc,
                p.Synopsis,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        // Authors and categories in queries of their own: see PublicationQueries.LoadSummariesAsync.
        var authors = await db.PublicationAuthors.AsNoTracking()
            .Where(a => a.PublicationId == row.Id)
            .OrderBy(a => a.Position)
            .Select(a => new Link(a.Author.Name, PortalUrls.Author(a.Author.Slug)))
            .ToListAsync(cancellationToken);
        var categories = await db.PublicationCategories.AsNoTracking()
            .Where(c => c.PublicationId == row.Id)
            .OrderBy(c => c.Category.Name)
            .Select(c => new Link(c.Category.Name, PortalUrls.Category(c.Category.Slug)))
            .ToListAsync(cancellationToken);
        var publisher = await db.SiteSettings.AsNoTracking().Select(s => s.SchoolName).SingleAsync(cancellationToken);

        return (row.Id, new PublicationMetadata(
            row.Code,
            row.Title,
            authors,
            row.PublishedOn,
            PublicationQueries.LastModifiedUtc(row.PublishedOn, row.PublishAtUtc, row.UpdatedAtUtc),
            new Link(row.SeriesName, PortalUrls.Series(row.SeriesSlug)),
            publisher,
            row.Synopsis,
            PortalUrls.Publication(row.SeriesSlug, row.Slug),
            PortalUrls.PublicationPdf(row.SeriesSlug, row.Slug),
            categories));
    }
}
