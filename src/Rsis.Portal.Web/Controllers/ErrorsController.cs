using Microsoft.AspNetCore.Diagnostics;

namespace Rsis.Portal.Web.Controllers;

/// <summary>
/// The error pages, in the site's layout, re-executed for any status code and any unhandled error. They are
/// not pages of their own: asked for directly (<c>/error/999</c>, <c>/error/500</c>), they answer 404, so nobody
/// outside can write a server error into the log.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController(ISender sender) : Controller
{
    /// <summary>Where an unhandled exception is shown; the status was chosen by <see cref="Configuration.ErrorStatus"/>.</summary>
    [Route("/error")]
    public IActionResult Exception() => Answer(HttpContext.Features.Get<IExceptionHandlerFeature>() is null ? null : Response.StatusCode);

    // No bound parameters: binding would read the body again, and the body may be what failed (too large).
    [Route("/error/{code:int}")]
    public async Task<IActionResult> Status()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();

        // An address that moved (a renamed item, a page of the old site) is looked up only here, once no page
        // answered, so pages that exist never pay for it.
        if (original is { OriginalStatusCode: StatusCodes.Status404NotFound }
            && (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)))
        {
            if (await sender.Send(new FindRedirect(original.OriginalPath), HttpContext.RequestAborted) is { } target)
            {
                return RedirectPermanent(target.StartsWith('/') ? target + original.OriginalQueryString : target);
            }

            // Taken down on purpose (in the Trash): 410 tells readers and search engines it is not coming back here.
            if (await sender.Send(new IsInTrash(original.OriginalPath), HttpContext.RequestAborted))
            {
                return Answer(StatusCodes.Status410Gone);
            }
        }

        return Answer(original?.OriginalStatusCode);
    }

    private ViewResult Answer(int? status)
    {
        var code = status is >= 400 and <= 599 ? status.Value : StatusCodes.Status404NotFound;
        Response.StatusCode = code;
        return View("Status", StatusPage.For(code));
    }
}
