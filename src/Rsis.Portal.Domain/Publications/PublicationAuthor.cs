namespace Rsis.Portal.Domain.Publications;

/// <summary>An author of a publication, in the order the byline lists them.</summary>
public class PublicationAuthor
{
    public int PublicationId { get; set; }
    public Publication Publication { get; set; } = null!;
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public int Position { get; set; }
}
