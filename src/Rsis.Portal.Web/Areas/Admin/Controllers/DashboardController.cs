namespace Rsis.Portal.Web.Areas.Admin.Controllers;

public sealed class DashboardController(ISender sender) : AdminController
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await sender.Send(new GetDashboard(), cancellationToken));
}
