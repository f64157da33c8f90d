using Microsoft.AspNetCore.Authorization;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Who changed what and when; for Administrators only.</summary>
[Authorize(Policy = AdminAreaConfig.AdministratorsPolicy)]
public sealed class AuditController(ISender sender) : AdminController
{
    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken) =>
        View(await sender.Send(new ListAuditEntries(page), cancellationToken));
}
