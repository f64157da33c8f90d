namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Email subscriptions for staff: counts per list, the outbox with its failures, and deleting a subscriber on request.</summary>
[Route("admin/subscriptions")]
public sealed class SubscriptionsController(ISender sender) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? address, string? show, string? done, CancellationToken cancellationToken)
    {
        ViewData["Done"] = done;
        return View(await sender.Send(new GetSubscriptionsOverview(address, show), cancellationToken));
    }

    [HttpPost("delete")]
    public async Task<IActionResult> Delete([FromForm] int id, CancellationToken cancellationToken) =>
        await sender.Send(new DeleteSubscriber(id), cancellationToken) ? Redirect("/admin/subscriptions?done=deleted") : NotFound();

    [HttpPost("outbox/{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, CancellationToken cancellationToken) =>
        await sender.Send(new RetryOutboxMessage(id), cancellationToken) ? Redirect("/admin/subscriptions?show=waiting&done=retried") : NotFound();
}
