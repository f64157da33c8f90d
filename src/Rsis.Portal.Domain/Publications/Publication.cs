using Rsis.Portal.Domain.Common;
using Rsis.Portal.Domain.Editing;

namespace Rsis.Portal.Domain.Publications;

public class Publication : IEditedBy, ITrashable
{
    public int Id { get; set; }
    public int SeriesId { get; set; }
    public Series Series { get; set; } = null!;

    /// <summary>The series code and number, e.g. "CO13046"; unique across the portal.</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }

    /// <summary>The URL slug, e.g. "co13046-us-china-cyber-talks-internet-security-in-the-global-economy".</summary>
    public required string Slug { get; set; }

    public DateOnly PublishedOn { get; set; }
    public PublicationStatus Status { get; set; }

    /// <summary>When set, a published publication stays hidden from readers until this UTC time.</summary>
    public DateTime? PublishAtUtc { get; set; }

    public string Synopsis { get; set; } = "";

    /// <summary>The commentary itself, in Markdown.</summary>
    public string Body { get; set; } = "";

    /// <summary>The "About the Author" note, kept per publication because affiliations change over time.</summary>
    public string AboutTheAuthors { get; set; } = "";

    public List<PublicationAuthor> Authors { get; } = [];
    public List<PublicationCategory> Categories { get; } = [];

    public string? CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Changed on every save so that a stale edit is detected on SQLite and SQL Server alike.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    /// <summary>Set while the item is in the Trash.</summary>
    public DateTime? DeletedAtUtc { get; set; }
    public string? DeletedBy { get; set; }

    /// <summary>
    /// Carried in every shared preview link of this publication; renewing it ("Revoke preview links") ends them all.
    /// Not a secret (the links are signed): only a way to take them back.
    /// </summary>
    public Guid PreviewKey { get; set; } = Guid.NewGuid();
}
