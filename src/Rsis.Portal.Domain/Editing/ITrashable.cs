namespace Rsis.Portal.Domain.Editing;

/// <summary>
/// An item a deletion moves to the Trash first: hidden everywhere (a query filter), its address answering
/// 410 Gone, restorable with its history until it is purged.
/// </summary>
public interface ITrashable
{
    DateTime? DeletedAtUtc { get; set; }
    string? DeletedBy { get; set; }
}
