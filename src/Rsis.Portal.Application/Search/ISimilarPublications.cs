namespace Rsis.Portal.Application.Search;

/// <summary>
/// Publications whose title and synopsis share words with a given one, most similar first (drafts included:
/// the caller applies visibility). SQLite ranks them with FTS5; on SQL Server, whose search is LIKE, there is
/// no ranking to ask, so it answers nothing and related reading goes by shared categories alone.
/// </summary>
public interface ISimilarPublications
{
    Task<IReadOnlyList<int>> SimilarToAsync(int publicationId, int count, CancellationToken cancellationToken);
}
