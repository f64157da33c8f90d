namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Deleted publications, pages and events, restorable with their history for 30 days.</summary>
[Route("admin/trash")]
public sealed class TrashController(ISender sender) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? restored, CancellationToken cancellationToken)
    {
        ViewData["Restored"] = restored;
        return View(await sender.Send(new ListTrash(), cancellationToken));
    }

    [HttpPost("{kind:regex(^(publications|pages|events)$)}/{id:int}/restore")]
    public async Task<IActionResult> Restore(string kind, int id, CancellationToken cancellationToken)
    {
        if (!await sender.Send(new RestoreFromTrash(EditedKind.Of(kind).EntityType, id), cancellationToken))
        {
            return NotFound();
        }

        return Redirect(EditedKind.Of(kind).EditUrl(id) + "?saved=restored");
    }
}
