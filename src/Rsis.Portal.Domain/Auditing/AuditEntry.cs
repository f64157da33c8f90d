namespace Rsis.Portal.Domain.Auditing;

/// <summary>One change staff made: who, when, to what, and which fields went from what to what.</summary>
public class AuditEntry
{
    public const int MaxValueLength = 500;

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The staff account's user name (its email) at the time.</summary>
    public required string ChangedBy { get; set; }

    /// <summary>The kind of item, e.g. "Publication".</summary>
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>How staff recognise the item, e.g. "CO13046"; kept because a deleted item cannot be looked up.</summary>
    public string EntityLabel { get; set; } = "";

    public AuditAction Action { get; set; }
    public List<AuditFieldChange> Changes { get; } = [];
}

public enum AuditAction
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
}

/// <summary>A field's old and new value, shortened to <see cref="AuditEntry.MaxValueLength"/>; long texts are summarised.</summary>
public class AuditFieldChange
{
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
