namespace Rsis.Portal.Domain.Publications;

/// <summary>
/// An address a publication used to have. When its title (and so its slug) changes, links and bookmarks to
/// the old address get a 301 to the new one; deleting the publication deletes these too.
/// </summary>
public class SlugRedirect
{
    public int Id { get; set; }

    /// <summary>The old slug; unique, since public addresses are found by slug whatever the series.</summary>
    public required string Slug { get; set; }
    public int PublicationId { get; set; }
    public Publication Publication { get; set; } = null!;
    public DateTime CreatedAtUtc { get; set; }
}
