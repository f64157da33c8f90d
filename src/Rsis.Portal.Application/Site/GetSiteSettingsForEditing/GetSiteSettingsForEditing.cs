namespace Rsis.Portal.Application.Site.GetSiteSettingsForEditing;

/// <summary>The settings screen as stored: the header and footer text, every link in order, and the screen's token.</summary>
public sealed record GetSiteSettingsForEditing : IQuery<SiteSettingsForEditing>;

public sealed record SiteSettingsForEditing(Guid ConcurrencyToken, SiteSettingsFields Fields, IReadOnlyList<SiteLinkForEditing> Links)
{
    /// <summary>The promo's picture, when it has one: its kind and size, and where readers download it.</summary>
    public PromoImageFacts? PromoImage { get; init; }

    public IReadOnlyList<SiteLinkForEditing> InGroup(SiteLinkGroup group) => Links.Where(l => l.Group == group).ToList();

    public SiteLinkForEditing? Link(int id) => Links.FirstOrDefault(l => l.Id == id);
}

public sealed record PromoImageFacts(string ContentType, long Length, string Url);

public sealed record SiteLinkForEditing(int Id, SiteLinkGroup Group, string Title, string Url, string? Network);

public sealed class GetSiteSettingsForEditingHandler(IPortalDbContext db) : IQueryHandler<GetSiteSettingsForEditing, SiteSettingsForEditing>
{
    public async ValueTask<SiteSettingsForEditing> Handle(GetSiteSettingsForEditing query, CancellationToken cancellationToken)
    {
        // The whole row, picture included: this screen alone, and the picture is at most 2 MB.
        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The site settings have not been seeded.");
        // The footer's own order (GetSiteChrome): by sort order, then by id.
        var links = await db.SiteLinks.AsNoTracking()
            .OrderBy(l => l.Group).ThenBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(l => new SiteLinkForEditing(l.Id, l.Group, l.Title, l.Url, l.Network))
            .ToListAsync(cancellationToken);
        return new SiteSettingsForEditing(settings.ConcurrencyToken, SiteSettingsKind.Instance.FieldsOf(settings), links)
        {
            PromoImage = settings is { PromoImage: { } image, PromoImageContentType: { } type }
                ? new PromoImageFacts(type, image.Length, $"{Navigation.GetSiteChrome.Promo.ImagePath}?v={settings.ConcurrencyToken:N}")
                : null,
        };
    }
}
