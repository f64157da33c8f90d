using Mediator;
using Microsoft.AspNetCore.Mvc;
using Rsis.Portal.Application.Redirects.DeleteRedirect;
using Rsis.Portal.Application.Redirects.ListRedirects;
using Rsis.Portal.Web.Areas.Admin.Models;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Staff see the addresses that send readers elsewhere (left behind by renames, or added by hand for addresses
/// of the school's old site), add one and delete one.
/// </summary>
[Route("admin/redirects")]
public sealed class RedirectsController(ISender sender) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int? page, string? done, CancellationToken cancellationToken)
    {
        ViewData["Done"] = done;
        return View(await sender.Send(new ListRedirects(q, page), cancellationToken));
    }

    [HttpGet("new")]
    public IActionResult Create() => View(new RedirectForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(RedirectForm form, CancellationToken cancellationToken)
    {
        await sender.Send(form.ToAdd(StaffName), cancellationToken);
        return Redirect("/admin/redirects?done=added");
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await sender.Send(new GetRedirect(id), cancellationToken) is { } redirect ? View(redirect) : NotFound();

    [HttpPost("{id:int}/delete")]
    [ActionName("Delete")]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken) =>
        await sender.Send(new DeleteRedirect(id, StaffName), cancellationToken)
            ? Redirect("/admin/redirects?done=deleted")
            : NotFound();
}
