using Rsis.Portal.Domain.Common;

namespace Rsis.Portal.Domain.Publications;

public class Category : IEdited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public List<PublicationCategory> Publications { get; } = [];
}
