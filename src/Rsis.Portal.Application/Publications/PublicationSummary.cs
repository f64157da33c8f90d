namespace Rsis.Portal.Application.Publications;

/// <summary>A publication as listings show it: code, title, series, date, authors, synopsis.</summary>
public sealed record PublicationSummary(
    string Code,
    string Title,
    string Url,
    string PdfUrl,
    Link Series,
    DateOnly PublishedOn,
    IReadOnlyList<Link> Authors,
    string Synopsis);
