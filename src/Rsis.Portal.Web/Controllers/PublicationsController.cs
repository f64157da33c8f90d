using Microsoft.Net.Http.Headers;

namespace Rsis.Portal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Publications])]
public sealed class PublicationsController(ISender sender, IOptions<SiteOptions> site) : Controller
{
    [HttpGet("/publications")]
    public async Task<IActionResult> Index(int? year, int? page, CancellationToken cancellationToken) =>
        View("Listing", await sender.Send(new ListPublications(null, year, page), cancellationToken));

    [HttpGet("/publications/{series}")]
    public async Task<IActionResult> Series(string series, int? year, int? page, CancellationToken cancellationToken)
    {
        var listing = await sender.Send(new ListPublications(series, year, page), cancellationToken);
        // A listing address the series had before a rename gets its 301 on the 404 path (see FindRedirect).
        return listing is null ? NotFound() : View("Listing", listing);
    }

    // {series} is for readers only: the slug (or code) alone finds a publication, and a path under any other series
    // than its own is answered with a 301 to the permanent address, so the queries are not given the series.
    [HttpGet("/publications/{series}/{slug}")]
    public async Task<IActionResult> Article(string slug, CancellationToken cancellationToken)
    {
        var article = await sender.Send(new GetPublication(slug), cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        // An old series, a code instead of the slug, or different letter case: one permanent address.
        if (Request.Path.Value != article.Url)
        {
            return RedirectPermanent(article.Url);
        }

        // Cached with the page under its Publications tag, which every save of a publication evicts.
        return View(article with
        {
            Related = await sender.Send(new GetRelatedReading(article.Code), cancellationToken),
            PdfSize = await sender.Send(new GetPublicationPdfSize(slug, site.Value.BaseUrlFor(Request)), cancellationToken),
        });
    }

    /// <summary>
    /// The PDF, saved as "CO13046.pdf"; <c>?inline=true</c> opens it in the browser instead. ETag and
    /// Last-Modified give 304s, and byte ranges give 206s.
    /// </summary>
    [HttpGet("/publications/{series}/{slug}.pdf")]
    [HttpGet("/publications/{series}/{slug}/pdf")]
    [OutputCache(PolicyName = OutputCacheConfig.PdfDownload)]
    public async Task<IActionResult> Pdf(string slug, bool inline, CancellationToken cancellationToken)
    {
        var pdf = await sender.Send(new GetPublicationPdf(slug, site.Value.BaseUrlFor(Request)), cancellationToken);
        if (pdf is null)
        {
            return NotFound();
        }

        var canonical = pdf.ArticleUrl + ".pdf";
        if (Request.Path.Value != canonical && Request.Path.Value != pdf.ArticleUrl + "/pdf")
        {
            return RedirectPermanent(canonical + Request.QueryString);
        }

        var etag = new EntityTagHeaderValue(pdf.ETag);
        if (inline)
        {
            Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = pdf.FileName }.ToString();
            return File(pdf.Content, "application/pdf", pdf.LastModified, etag, enableRangeProcessing: true);
        }

        return File(pdf.Content, "application/pdf", pdf.FileName, pdf.LastModified, etag, enableRangeProcessing: true);
    }

    /// <summary>
    /// The social card that link previews show (og:image): a 1200×630 PNG, kept a day by browsers and
    /// revalidated by its ETag, which changes with what the card shows.
    /// </summary>
    [HttpGet("/publications/{series}/{slug}/card.png")]
    [OutputCache(PolicyName = OutputCacheConfig.PdfDownload)]
    public async Task<IActionResult> Card(string slug, CancellationToken cancellationToken)
    {
        var card = await sender.Send(new GetSocialCard(slug), cancellationToken);
        if (card is null)
        {
            return NotFound();
        }

        var canonical = card.ArticleUrl + "/card.png";
        if (Request.Path.Value != canonical)
        {
            return RedirectPermanent(canonical);
        }

        Response.Headers.CacheControl = "public, max-age=86400";
        return File(card.Content, "image/png", card.LastModified, new EntityTagHeaderValue(card.ETag));
    }

    /// <summary>The citation for reference managers: BibTeX or RIS, saved as "CO13046.bib" or "CO13046.ris".</summary>
    [HttpGet("/publications/{series}/{slug}.bib")]
    [OutputCache(PolicyName = OutputCacheConfig.PdfDownload)]
    public Task<IActionResult> BibTex(string slug, CancellationToken cancellationToken) =>
        CitationFileAsync(slug, CitationFormat.BibTex, ".bib", cancellationToken);

    [HttpGet("/publications/{series}/{slug}.ris")]
    [OutputCache(PolicyName = OutputCacheConfig.PdfDownload)]
    public Task<IActionResult> Ris(string slug, CancellationToken cancellationToken) =>
        CitationFileAsync(slug, CitationFormat.Ris, ".ris", cancellationToken);

    private async Task<IActionResult> CitationFileAsync(
        string slug, CitationFormat format, string extension, CancellationToken cancellationToken)
    {
        var file = await sender.Send(new GetCitationFile(slug, format, site.Value.BaseUrlFor(Request)), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        var canonical = file.ArticleUrl + extension;
        return Request.Path.Value == canonical
            ? File(System.Text.Encoding.UTF8.GetBytes(file.Content), file.ContentType, file.FileName)
            : RedirectPermanent(canonical);
    }
}
