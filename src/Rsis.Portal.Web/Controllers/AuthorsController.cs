namespace Rsis.Portal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Publications, CacheTags.Events])]
public sealed class AuthorsController(ISender sender) : Controller
{
    /// <summary>The A–Z; <c>?letter=</c> anything but one letter gets the 400 page (see ListAuthorsValidator).</summary>
    [HttpGet("/authors")]
    public async Task<IActionResult> Index(string? letter, string? q, CancellationToken cancellationToken) =>
        View(await sender.Send(new ListAuthors(letter, q), cancellationToken));

    [HttpGet("/authors/{slug}")]
    public async Task<IActionResult> Show(string slug, int? page, CancellationToken cancellationToken)
    {
        var author = await sender.Send(new GetAuthor(slug, page), cancellationToken);
        // An address the author had before a rename gets its 301 on the 404 path (see FindRedirect).
        return author is null ? NotFound() : View(author);
    }
}
