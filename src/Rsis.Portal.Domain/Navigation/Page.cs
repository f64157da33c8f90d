using Rsis.Portal.Domain.Common;
using Rsis.Portal.Domain.Editing;

namespace Rsis.Portal.Domain.Navigation;

/// <summary>A written content page, such as "Getting to RSIS".</summary>
public class Page : IEditedAt, ITrashable
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }

    /// <summary>The page body, in Markdown.</summary>
    public string Body { get; set; } = "";

    /// <summary>Shows the school's address and contact links under the body.</summary>
    public bool ShowsContactDetails { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    /// <summary>Set while the item is in the Trash.</summary>
    public DateTime? DeletedAtUtc { get; set; }
    public string? DeletedBy { get; set; }

    /// <summary>Carried in every shared preview link of this page; renewing it ends them all (see <c>Publication.PreviewKey</c>).</summary>
    public Guid PreviewKey { get; set; } = Guid.NewGuid();
}
