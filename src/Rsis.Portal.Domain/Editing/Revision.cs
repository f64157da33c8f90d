namespace Rsis.Portal.Domain.Editing;

/// <summary>
/// One saved version of an edited item: a full snapshot of its fields as staff set them, numbered from 1 per item.
/// Versions are only ever added; restoring an old one adds a new version equal to it.
/// </summary>
public class Revision
{
    public long Id { get; set; }

    /// <summary>The kind of item, as the audit log names it, e.g. "Publication".</summary>
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public int Number { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The staff account's user name at the time.</summary>
    public required string By { get; set; }

    /// <summary>One line: what changed ("Title, Body"), or "Restored version 3".</summary>
    public required string Summary { get; set; }

    /// <summary>The item's fields as JSON, in the shape its editor reads them back.</summary>
    public required string Snapshot { get; set; }
}
