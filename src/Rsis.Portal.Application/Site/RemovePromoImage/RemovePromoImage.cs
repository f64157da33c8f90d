using Rsis.Portal.Application.Site.SetPromoImage;

namespace Rsis.Portal.Application.Site.RemovePromoImage;

/// <summary>Takes the picture off the promo; its title and link stay. False when there was none.</summary>
public sealed record RemovePromoImage : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site];
}

public sealed class RemovePromoImageHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<RemovePromoImage, bool>
{
    public async ValueTask<bool> Handle(RemovePromoImage command, CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.SingleAsync(cancellationToken);
        if (settings.PromoImage is null)
        {
            return false;
        }

        PromoImages.Audit(db, clock, currentUser, settings, "");
        settings.PromoImage = null;
        settings.PromoImageContentType = null;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
