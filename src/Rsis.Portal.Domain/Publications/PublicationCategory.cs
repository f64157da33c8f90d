using Rsis.Portal.Domain.Common;

namespace Rsis.Portal.Domain.Publications;

public class PublicationCategory : IPartOfEdited
{
    public int PublicationId { get; set; }
    public Publication Publication { get; set; } = null!;
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;

    public bool IsPartOf(IEdited item) => item is Publication publication && publication.Id == PublicationId;
}
