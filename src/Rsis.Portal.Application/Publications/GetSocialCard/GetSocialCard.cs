using Rsis.Portal.Application.Publications.GetPublicationPdf;

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
        // The card is drawn from the PDF's title block; the canonical address printed in the PDF is not on it.
        if (await PublishedPdf.FindAsync(db, clock, query.Slug, siteBaseUrl: "", cancellationToken) is not { Document: var pdf } publication)
        {
            return null;
        }

        var card = new SocialCardDocument(pdf.SchoolName, pdf.SeriesName, pdf.Code, pdf.Title, pdf.Authors, pdf.PublishedOn);
        var kept = await cards.GetOrDrawAsync(publication.Id, card, cancellationToken);
        return new SocialCardFile(
            publication.ArticleUrl,
            kept.Content,
            $"\"{kept.ContentKey}\"",
            new DateTimeOffset(DateTime.SpecifyKind(kept.DrawnAtUtc, DateTimeKind.Utc)));
    }
}
