namespace Rsis.Portal.Domain.Publications;

/// <summary>The two groups the source page's publications menu is split into.</summary>
public enum SeriesGroup
{
    RsisPublications = 0,
    ExternalPublications = 1,
}
