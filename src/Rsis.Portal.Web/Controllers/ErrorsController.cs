using Microsoft.AspNetCore.Mvc;
using Rsis.Portal.Web.Models;

namespace Rsis.Portal.Web.Controllers;

/// <summary>The error pages, in the site's layout, re-executed for any status code and any unhandled error.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    /// <summary>Where an unhandled exception is shown; the status was chosen by <see cref="Configuration.ErrorStatus"/>.</summary>
    [Route("/error")]
    public IActionResult Exception() => View("Status", StatusPage.For(Response.StatusCode));

    // No bound parameters: binding would read the body again, and the body may be what failed (too large).
    [Route("/error/{code:int}")]
    public IActionResult Status()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, out var parsed) ? parsed : 0;
        var status = code is >= 400 and <= 599 ? code : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View(StatusPage.For(status));
    }
}
