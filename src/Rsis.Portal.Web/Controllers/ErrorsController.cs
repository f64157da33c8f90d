using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Rsis.Portal.Web.Models;

namespace Rsis.Portal.Web.Controllers;

/// <summary>
/// The error pages, in the site's layout, re-executed for any status code and any unhandled error. They are
/// not pages of their own: asked for directly (<c>/error/999</c>, <c>/error/500</c>), they answer 404, so nobody
/// outside can write a server error into the log.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    /// <summary>Where an unhandled exception is shown; the status was chosen by <see cref="Configuration.ErrorStatus"/>.</summary>
    [Route("/error")]
    public IActionResult Exception() => Answer(HttpContext.Features.Get<IExceptionHandlerFeature>() is null ? null : Response.StatusCode);

    // No bound parameters: binding would read the body again, and the body may be what failed (too large).
    [Route("/error/{code:int}")]
    public IActionResult Status() => Answer(HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode);

    private ViewResult Answer(int? status)
    {
        var code = status is >= 400 and <= 599 ? status.Value : StatusCodes.Status404NotFound;
        Response.StatusCode = code;
        return View("Status", StatusPage.For(code));
    }
}
