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
    IReadOnlyList<Link> Categories,
    IReadOnlyList<Correction> Corrections)
{
    /// <summary>Every publication is in English; the source page gives no other language.</summary>
    public const string Language = "en";

    /// <summary>
    /// The visible publication at <paramref name="slug"/> (or its code, in any letter case), with its id;
    /// null when there is none or it is a draft or not yet due.
    /// </summary>
    public static async Task<(int Id, PublicationMetadata Metadata)?> FindAsync(
        IPortalDbContext db, ISharedDataCache cache, DateTime utcNow, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cache);
        // One publication with its few authors and categories: one round trip (for many publications at once,
        // see PublicationQueries.LoadSummariesAsync, which keeps them apart).
        var row = await db.Publications.AsNoTracking()
            .WhereVisible(utcNow)
            .WhereSlugOrCode(slug)
            .Select(p => new
            {
                Row = new PublicationRow(
                    p.Id, p.Code, p.Title, p.Slug, p.Series.Name, p.Series.Slug, p.PublishedOn, p.PublishAtUtc, p.UpdatedAtUtc, p.Synopsis),
                Authors = p.Authors.OrderBy(a => a.Position).Select(a => new { a.Author.Name, a.Author.Slug }).ToList(),
                Categories = p.Categories.OrderBy(c => c.Category.Name).Select(c => new { c.Category.Name, c.Category.Slug }).ToList(),
                Corrections = db.PublicationCorrections.Where(c => c.PublicationId == p.Id)
                    .OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).Select(c => new Correction(c.AtUtc, c.Note)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var authors = row.Authors.Select(a => new Link(a.Name, PortalUrls.Author(a.Slug))).ToList();
        var categories = row.Categories.Select(c => new Link(c.Name, PortalUrls.Category(c.Slug))).ToList();
        var publisher = await LoadPublisherAsync(db, cache, cancellationToken);
        return (row.Row.Id, row.Row.ToMetadata(authors, publisher, categories, row.Corrections));
    }

    /// <summary>The school's name, as publisher of everything on the portal; kept until the site settings change.</summary>
    public static ValueTask<string> LoadPublisherAsync(IPortalDbContext db, ISharedDataCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.GetOrLoadAsync(
            "publisher", CacheTags.Site, token => db.SiteSettings.AsNoTracking().Select(s => s.SchoolName).SingleAsync(token), cancellationToken);
    }
}
