using Rsis.Portal.Domain.Common;

namespace Rsis.Portal.Domain.Publications;

public class Author : IEdited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>A short title or affiliation shown beside the name.</summary>
    public string ShortTitle { get; set; } = "";

    /// <summary>The biography, in Markdown.</summary>
    public string Biography { get; set; } = "";
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public List<PublicationAuthor> Publications { get; } = [];
}
