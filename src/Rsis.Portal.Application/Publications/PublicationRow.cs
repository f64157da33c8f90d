namespace Rsis.Portal.Application.Publications;

/// <summary>
/// A publication's own columns as its metadata, its feed entries and its harvested records read them, and what
/// they make: its addresses, its series link, and when it last changed. Bylines and categories are read apart.
/// </summary>
public sealed record PublicationRow(
    int Id,
    string Code,
    string Title,
    string Slug,
    string SeriesName,
    string SeriesSlug,
    DateOnly PublishedOn,
    DateTime? PublishAtUtc,
    DateTime UpdatedAtUtc,
    string Synopsis)
{
    public string Url => PortalUrls.Publication(SeriesSlug, Slug);

    public string PdfUrl => PortalUrls.PublicationPdf(SeriesSlug, Slug);

    public Link Series => new(SeriesName, PortalUrls.Series(SeriesSlug));

    /// <summary>A correction is part of the publication: its save moves this time with it.</summary>
    public DateTime LastModifiedUtc => PublicationQueries.LastModifiedUtc(PublishedOn, PublishAtUtc, UpdatedAtUtc);

    /// <summary>The rows of <paramref name="ids"/> (those that exist), by id, in one query.</summary>
    public static async Task<Dictionary<int, PublicationRow>> LoadAsync(IPortalDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Publications.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new PublicationRow(
                p.Id, p.Code, p.Title, p.Slug, p.Series.Name, p.Series.Slug, p.PublishedOn, p.PublishAtUtc, p.UpdatedAtUtc, p.Synopsis))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    public PublicationMetadata ToMetadata(
        IReadOnlyList<Link> authors, string publisher, IReadOnlyList<Link> categories, IReadOnlyList<Correction> corrections) =>
        new(Code, Title, authors, PublishedOn, LastModifiedUtc, Series, publisher, Synopsis, Url, PdfUrl, categories, corrections);
}
