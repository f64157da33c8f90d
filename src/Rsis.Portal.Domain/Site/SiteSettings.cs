using Rsis.Portal.Domain.Common;

namespace Rsis.Portal.Domain.Site;

/// <summary>The header and footer text of the site; a single row.</summary>
public class SiteSettings : IEdited
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public required string SchoolName { get; set; }
    public required string Tagline { get; set; }
    public required string Motto { get; set; }
    public required string UniversityName { get; set; }

    /// <summary>The postal address, one line per line.</summary>
    public required string Address { get; set; }
    public string DirectionsUrl { get; set; } = "";
    public required string Copyright { get; set; }
    public string CookieNotice { get; set; } = "";

    /// <summary>The address "Get in Touch" writes to; empty until staff set it (the source page names none).</summary>
    public string ContactEmail { get; set; } = "";

    /// <summary>The "Latest Book / more info" promo, shown only once staff have given it a title and a link.</summary>
    public string PromoTitle { get; set; } = "";
    public string PromoUrl { get; set; } = "";

    /// <summary>A picture for the promo (a book's cover): PNG, JPEG or WebP, served from the site's own address.</summary>
    public byte[]? PromoImage { get; set; }
    public string? PromoImageContentType { get; set; }

    /// <summary>Big enough for a sharp cover on any screen; the whole picture is read to check it.</summary>
    public const int MaxPromoImageBytes = 2 * 1024 * 1024;

    /// <summary>The longest side a promo picture may have, in pixels: larger ones are photographs straight from a camera.</summary>
    public const int MaxPromoImageSide = 4000;
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
