using Rsis.Portal.Domain.Common;

namespace Rsis.Portal.Domain.Publications;

/// <summary>A publication series such as "RSIS Commentary Series", or an external publication type.</summary>
public class Series : IEdited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>The prefix of the series' publication codes, e.g. "CO"; null when the series has no codes.</summary>
    public string? CodePrefix { get; set; }

    public SeriesGroup Group { get; set; }
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public List<Publication> Publications { get; } = [];
}
