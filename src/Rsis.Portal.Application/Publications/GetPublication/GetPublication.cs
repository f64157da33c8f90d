namespace Rsis.Portal.Application.Publications.GetPublication;

/// <summary>
/// The article page. Found by its slug, or by its code (<c>/publications/…/co13046</c>); when the
/// request's path is not the canonical one the controller redirects to <see cref="ArticlePage.Url"/>.
/// </summary>
public sealed record GetPublication(string Slug) : IQuery<ArticlePage?>;

public sealed record ArticlePage(
    string Code,
    string Title,
    string Url,
    string PdfUrl,
    Link Series,
    DateOnly PublishedOn,
    IReadOnlyList<Link> Authors,
    string Synopsis,
    string BodyHtml,
    string AboutTheAuthorsHtml,
    IReadOnlyList<Link> Categories,
    IReadOnlyList<Link> Sidebar,
    PublicationMetadata Metadata)
{
    /// <summary>The heading as the source page shows it: "CO13046 | US-China Cyber Talks: …".</summary>
    public string Heading => $"{Code} | {Title}";

    /// <summary>What to read next, which the article action adds (GetRelatedReading); previews show none.</summary>
    public GetRelatedReading.RelatedReading? Related { get; init; }

    /// <summary>Minutes to read the synopsis and the commentary, shown beside the date.</summary>
    public int ReadingMinutes { get; init; }

    /// <summary>Bytes of the PDF a reader downloads ("Download PDF, 77 KB"), which the article action adds; previews have no PDF link.</summary>
    public long? PdfSize { get; init; }

    /// <summary>The page of a publication from its metadata and its Markdown: the live article and its preview alike.</summary>
    public static ArticlePage From(
        PublicationMetadata metadata, MarkdownRenderer markdown, string body, string aboutTheAuthors, IReadOnlyList<Link> sidebar)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(markdown);
        return new ArticlePage(
            metadata.Code,
            metadata.Title,
            metadata.Url,
            metadata.PdfUrl,
            metadata.Series,
            metadata.PublishedOn,
            metadata.Authors,
            metadata.Synopsis,
            // The body's "##" headings sit under the page's own "Commentary" heading.
            markdown.ToSafeHtml(body, headingOffset: 1),
            markdown.ToSafeHtml(aboutTheAuthors),
            metadata.Categories,
            sidebar,
            metadata)
        {
            ReadingMinutes = ReadingTime.Minutes(metadata.Synopsis, body),
        };
    }
}

public sealed class GetPublicationHandler(IPortalDbContext db, TimeProvider clock, ISharedDataCache cache, MarkdownRenderer markdown)
    : IQueryHandler<GetPublication, ArticlePage?>
{
    public async ValueTask<ArticlePage?> Handle(GetPublication query, CancellationToken cancellationToken)
    {
        if (await PublicationMetadata.FindAsync(db, cache, clock.GetUtcNow().UtcDateTime, query.Slug, cancellationToken) is not { } found)
        {
            return null;
        }

        var (id, metadata) = found;
        var text = await db.Publications.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new { p.Body, p.AboutTheAuthors })
            .SingleAsync(cancellationToken);

        return ArticlePage.From(
            metadata, markdown, text.Body, text.AboutTheAuthors, await PublicationQueries.LoadSeriesSidebarAsync(db, cache, clock.GetUtcNow().UtcDateTime, cancellationToken));
    }
}
