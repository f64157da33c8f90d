using Rsis.Portal.Domain.Common;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Domain.Navigation;

/// <summary>An entry of the three-level site menu.</summary>
public class MenuItem : IEdited
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public MenuItem? Parent { get; set; }
    public List<MenuItem> Children { get; } = [];

    public required string Title { get; set; }

    /// <summary>The path segment of the entry's own section page, used when it has no other target.</summary>
    public required string Slug { get; set; }

    public MenuTargetKind TargetKind { get; set; }
    public int? SeriesId { get; set; }
    public int? PageId { get; set; }
    public int? PublicationId { get; set; }

    /// <summary>The publication the entry opens, which staff name by its code.</summary>
    public Publication? Publication { get; set; }
    public int? AuthorId { get; set; }
    public int? CategoryId { get; set; }
    public string? Url { get; set; }

    public int SortOrder { get; set; }
    public bool IsVisible { get; set; } = true;
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
