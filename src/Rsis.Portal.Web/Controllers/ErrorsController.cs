using Microsoft.AspNetCore.Mvc;
using Rsis.Portal.Web.Models;

namespace Rsis.Portal.Web.Controllers;

/// <summary>The error pages, in the site's layout, re-executed for any status code and any unhandled error.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Status(int code)
    {
        var status = code is >= 400 and <= 599 ? code : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View(StatusPage.For(status));
    }
}
