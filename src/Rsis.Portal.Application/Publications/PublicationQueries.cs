using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Common.Models;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Publications;

/// <summary>The reading rules every public query shares.</summary>
public static class PublicationQueries
{
    /// <summary>Published, and past its scheduled time if it has one. Drafts are never public.</summary>
    public static IQueryable<Publication> WhereVisible(this IQueryable<Publication> publications, DateTime utcNow) =>
        publications.Where(p => p.Status == PublicationStatus.Published && (p.PublishAtUtc == null || p.PublishAtUtc <= utcNow));

    /// <summary>
    /// The publication a URL segment names: its slug, or its code in any letter case ("co13046"), the slug first.
    /// </summary>
    public static IQueryable<Publication> WhereSlugOrCode(this IQueryable<Publication> publications, string segment)
    {
        var code = segment.ToUpperInvariant();
        return publications
            .Where(p => p.Slug == segment || p.Code == code)
            .OrderBy(p => p.Slug == segment ? 0 : 1);
    }

    public static IQueryable<Publication> NewestFirst(this IQueryable<Publication> publications) =>
        publications.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Code);

    public static IQueryable<Publication> InYear(this IQueryable<Publication> publications, int? year) =>
        year is int y
            ? publications.Where(p => p.PublishedOn >= new DateOnly(y, 1, 1) && p.PublishedOn <= new DateOnly(y, 12, 31))
            : publications;

    public static readonly Expression<Func<Publication, PublicationSummary>> ToSummary = p => new PublicationSummary(
        p.Code,
        p.Title,
        PortalUrls.Publication(p.Series.Slug, p.Slug),
        PortalUrls.PublicationPdf(p.Series.Slug, p.Slug),
        new Link(p.Series.Name, PortalUrls.Series(p.Series.Slug)),
        p.PublishedOn,
        p.Authors.OrderBy(a => a.Position).Select(a => new Link(a.Author.Name, PortalUrls.Author(a.Author.Slug))).ToList(),
        p.Synopsis);

    /// <summary>The RSIS Publications series, as the sidebar of the source page lists them.</summary>
    public static async Task<IReadOnlyList<Link>> LoadSeriesSidebarAsync(IPortalDbContext db, CancellationToken cancellationToken) =>
        await db.Series.AsNoTracking()
            .Where(s => s.Group == SeriesGroup.RsisPublications)
            .OrderBy(s => s.SortOrder)
            .Select(s => new Link(s.Name, PortalUrls.Series(s.Slug)))
            .ToListAsync(cancellationToken);

    /// <summary>A page of summaries, newest first, with the paging clamped to what exists.</summary>
    public static async Task<(IReadOnlyList<PublicationSummary> Items, Paging Paging)> PageAsync(
        this IQueryable<Publication> publications, int? page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await publications.CountAsync(cancellationToken);
        var paging = Paging.Clamp(page, pageSize, total);
        var items = await publications.NewestFirst()
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);
        return (items, paging);
    }
}
