namespace Rsis.Portal.Application.Publications.GetSocialCard;

/// <summary>
/// The social card (1200×630 PNG) of a published publication, drawn once per content version and kept by
/// <see cref="SocialCardStore"/> (this query only reads). Drafts, scheduled, trashed and unknown publications have none.
/// </summary>
public sealed record GetSocialCard(string Slug) : IQuery<SocialCardFile?>;

/// <summary>A card ready to send, with a quoted ETag that is the same on every app node.</summary>
public sealed record SocialCardFile(string ArticleUrl, byte[] Content, string ETag, DateTimeOffset LastModified);

public sealed class GetSocialCardHandler(IPortalDbContext db, TimeProvider clock, SocialCardStore cards)
    : IQueryHandler<GetSocialCard, SocialCardFile?>
{
    public async ValueTask<SocialCardFile?> Handle(GetSocialCard query, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.AsNoTracking()
            .WhereVisible(clock.GetUtcNow().UtcDateTime)
            .WhereSlugOrCode(query.Slug)
            .Select(p => new
            {
                p.Id,
                p.Code,
                p.Title,
                p.Slug,
                SeriesSlug = p.Series.Slug,
                SeriesName = p.Series.Name,
                Authors = p.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name).ToList(),
                p.PublishedOn,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (publication is null)
        {
            return null;
        }

        var schoolName = await db.SiteSettings.AsNoTracking().Select(s => s.SchoolName).SingleAsync(cancellationToken);
        var card = new SocialCardDocument(
            schoolName, publication.SeriesName, publication.Code, publication.Title, publication.Authors, publication.PublishedOn);
        var kept = await cards.GetOrDrawAsync(publication.Id, card, cancellationToken);
        return new SocialCardFile(
            PortalUrls.Publication(publication.SeriesSlug, publication.Slug),
            kept.Content,
            $"\"{kept.ContentKey}\"",
            new DateTimeOffset(DateTime.SpecifyKind(kept.DrawnAtUtc, DateTimeKind.Utc)));
    }
}
