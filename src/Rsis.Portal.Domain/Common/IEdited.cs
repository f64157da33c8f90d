namespace Rsis.Portal.Domain.Common;

/// <summary>
/// Something staff edit on a screen. Every save that changes it gives it a new token; the database compares the
/// old one in the UPDATE, so a save made from a stale screen changes nothing and is refused.
/// </summary>
public interface IEdited
{
    int Id { get; }
    Guid ConcurrencyToken { get; set; }
}

/// <summary>An edited item that shows when it last changed: stamped on every save that adds or changes it.</summary>
public interface IEditedAt : IEdited
{
    DateTime UpdatedAtUtc { get; set; }
}

/// <summary>An edited item that also names who made it and who changed it last, as the audit log names them.</summary>
public interface IEditedBy : IEditedAt
{
    string? CreatedBy { get; set; }
    DateTime CreatedAtUtc { get; set; }
    string? UpdatedBy { get; set; }
}

/// <summary>
/// A row that belongs to an edited item (a publication's author or category): adding, changing or removing it
/// changes the item, so the item's token and stamps are renewed as if it had changed itself.
/// </summary>
public interface IPartOfEdited
{
    bool IsPartOf(IEdited item);
}
