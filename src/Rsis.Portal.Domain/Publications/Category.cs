namespace Rsis.Portal.Domain.Publications;

public class Category
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public List<PublicationCategory> Publications { get; } = [];
}
