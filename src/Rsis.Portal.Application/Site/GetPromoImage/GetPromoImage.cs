namespace Rsis.Portal.Application.Site.GetPromoImage;

/// <summary>The promo's picture as readers download it; null when it has none.</summary>
public sealed record GetPromoImage : IQuery<PromoImage?>;

public sealed record PromoImage(byte[] Content, string ContentType);

public sealed class GetPromoImageHandler(IPortalDbContext db) : IQueryHandler<GetPromoImage, PromoImage?>
{
    public async ValueTask<PromoImage?> Handle(GetPromoImage query, CancellationToken cancellationToken) =>
        await db.SiteSettings.AsNoTracking()
            .Where(s => s.PromoImage != null && s.PromoImageContentType != null)
            .Select(s => new PromoImage(s.PromoImage!, s.PromoImageContentType!))
            .SingleOrDefaultAsync(cancellationToken);
}
