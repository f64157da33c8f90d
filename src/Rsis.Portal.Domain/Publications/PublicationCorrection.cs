using Rsis.Portal.Domain.Common;

namespace Rsis.Portal.Domain.Publications;

/// <summary>
/// A public correction: a note staff add when they change a publication readers have already read, shown under
/// the byline with its date. Kept as rows, never edited, so every correction stays on the record.
/// </summary>
public class PublicationCorrection : IPartOfEdited
{
    public const int MaxNoteLength = 1000;

    public int Id { get; set; }
    public int PublicationId { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>Plain text, as staff typed it; shown encoded, never as markup.</summary>
    public required string Note { get; set; }

    /// <summary>A correction changes what readers see of the publication: its token and "updated" move with it.</summary>
    public bool IsPartOf(IEdited item) => item is Publication publication && publication.Id == PublicationId;
}
