namespace Rsis.Portal.Application.Publications.GetPublicationPdf;

/// <summary>Typesets a publication as an A4 PDF, the way the school would print it.</summary>
public interface IPublicationPdfRenderer
{
    /// <summary>
    /// Changes whenever the renderer's output would change for the same publication (layout, fonts), so
    /// PDFs kept from an older renderer are made again.
    /// </summary>
    string Version { get; }

    byte[] Render(PublicationDocument document);
}

/// <summary>Everything a publication's PDF shows. Body and note are Markdown; raw HTML in them is ignored.</summary>
public sealed record PublicationDocument(
    string SchoolName,
    string SeriesName,
    string Code,
    string Title,
    IReadOnlyList<string> Authors,
    DateOnly PublishedOn,
    string Synopsis,
    string BodyMarkdown,
    string AboutTheAuthorsMarkdown,
    IReadOnlyList<string> Categories,
    string CanonicalUrl);
