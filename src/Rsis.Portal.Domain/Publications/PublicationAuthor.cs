using Rsis.Portal.Domain.Common;

namespace Rsis.Portal.Domain.Publications;

/// <summary>An author of a publication, in the order the byline lists them.</summary>
public class PublicationAuthor : IPartOfEdited
{
    public int PublicationId { get; set; }
    public Publication Publication { get; set; } = null!;
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public int Position { get; set; }

    public bool IsPartOf(IEdited item) => item is Publication publication && publication.Id == PublicationId;
}
