using Rsis.Portal.Application.Publications.Citations;

namespace Rsis.Portal.Application.Publications.GetCitationFile;

public enum CitationFormat
{
    BibTex,
    Ris,
}

/// <summary>
/// A publication's citation as a file for reference managers: BibTeX (<c>.bib</c>) or RIS (<c>.ris</c>).
/// <c>SiteBaseUrl</c> is the public origin of the URLs written in it. Null for drafts and unknown slugs.
/// </summary>
public sealed record GetCitationFile(string Slug, CitationFormat Format, string SiteBaseUrl) : IQuery<CitationFile?>;

/// <summary>A citation file, saved as "CO13046.bib"; <see cref="ArticleUrl"/> is the article's path.</summary>
public sealed record CitationFile(string FileName, string ContentType, string Content, string ArticleUrl);

public sealed class GetCitationFileHandler(IPortalDbContext db, TimeProvider clock, ISharedDataCache cache) : IQueryHandler<GetCitationFile, CitationFile?>
{
    public async ValueTask<CitationFile?> Handle(GetCitationFile query, CancellationToken cancellationToken)
    {
        if (await PublicationMetadata.FindAsync(db, cache, clock.GetUtcNow().UtcDateTime, query.Slug, cancellationToken) is not { } found)
        {
            return null;
        }

        var publication = found.Metadata;
        return query.Format == CitationFormat.BibTex
            ? new CitationFile(publication.Code + ".bib", "application/x-bibtex; charset=utf-8", CitationText.BibTex(publication, query.SiteBaseUrl), publication.Url)
            : new CitationFile(publication.Code + ".ris", "application/x-research-info-systems; charset=utf-8", CitationText.Ris(publication, query.SiteBaseUrl), publication.Url);
    }
}
