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
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
