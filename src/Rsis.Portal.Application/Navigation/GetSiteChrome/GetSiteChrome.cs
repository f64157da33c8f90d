namespace Rsis.Portal.Application.Navigation.GetSiteChrome;

/// <summary>What every page shows around its content: the header, the menu, the footer, the cookie notice.</summary>
public sealed record GetSiteChrome : IQuery<SiteChrome>;

public sealed record SiteChrome(
    string SchoolName,
    string Tagline,
    string Motto,
    string UniversityName,
    IReadOnlyList<string> AddressLines,
    string Copyright,
    string CookieNotice,
    IReadOnlyList<MenuNode> Menu,
    IReadOnlyList<Link> PopularLinks,
    IReadOnlyList<SocialLink> SocialLinks,
    IReadOnlyList<Link> SubscribeLinks,
    IReadOnlyList<Link> ContactLinks,
    IReadOnlyList<Link> LegalLinks,
    string? ContactEmail,
    Promo? Promo);

public sealed record SocialLink(string Title, string Network, string Url);

/// <summary>The "Latest Book / more info" block; <see cref="ImageUrl"/> is null when it has no picture.</summary>
public sealed record Promo(string Title, string Url, string? ImageUrl)
{
    public const string ImagePath = "/promo-image";
}

/// <summary>Kept between requests until a save evicts <see cref="CacheTags.Site"/>: it is on every page.</summary>
public sealed class GetSiteChromeHandler(IPortalDbContext db, ISharedDataCache cache) : IQueryHandler<GetSiteChrome, SiteChrome>
{
    public ValueTask<SiteChrome> Handle(GetSiteChrome query, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync("site-chrome", CacheTags.Site, LoadAsync, cancellationToken);

    private async Task<SiteChrome> LoadAsync(CancellationToken cancellationToken)
    {
        // Every column but the promo's picture, which is served at an address of its own.
        var settings = await db.SiteSettings.AsNoTracking()
            .Select(s => new
            {
                s.SchoolName,
                s.Tagline,
                s.Motto,
                s.UniversityName,
                s.Address,
                s.Copyright,
                s.CookieNotice,
                s.ContactEmail,
                s.PromoTitle,
                s.PromoUrl,
                HasPromoImage = s.PromoImage != null,
                s.ConcurrencyToken,
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The site settings have not been seeded.");
        var links = await db.SiteLinks.AsNoTracking()
            .OrderBy(l => l.Group).ThenBy(l => l.SortOrder).ThenBy(l => l.Id)
            .ToListAsync(cancellationToken);
        var menu = MenuTree.Build(await MenuRows.LoadAsync(db, cache, cancellationToken));

        IReadOnlyList<Link> Group(SiteLinkGroup group) =>
            links.Where(l => l.Group == group).Select(l => new Link(l.Title, l.Url)).ToList();

        return new SiteChrome(
            settings.SchoolName,
            settings.Tagline,
            settings.Motto,
            settings.UniversityName,
            SplitLines(settings.Address),
            settings.Copyright,
            settings.CookieNotice,
            menu,
            Group(SiteLinkGroup.PopularLinks),
            links.Where(l => l.Group == SiteLinkGroup.Social)
                .Select(l => new SocialLink(l.Title, l.Network ?? l.Title, l.Url)).ToList(),
            Group(SiteLinkGroup.Subscribe),
            Group(SiteLinkGroup.Contact),
            Group(SiteLinkGroup.Legal),
            string.IsNullOrWhiteSpace(settings.ContactEmail) ? null : settings.ContactEmail,
            // Shown only once staff have given it both a title and a link: the portal invents none.
            string.IsNullOrWhiteSpace(settings.PromoTitle) || string.IsNullOrWhiteSpace(settings.PromoUrl)
                ? null
                : new Promo(
                    settings.PromoTitle,
                    settings.PromoUrl,
                    // A new picture renews the settings' token, so the address changes with it and browsers keep each for long.
                    settings.HasPromoImage ? $"{Promo.ImagePath}?v={settings.ConcurrencyToken:N}" : null));
    }

    internal static IReadOnlyList<string> SplitLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
