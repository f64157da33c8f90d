using Microsoft.AspNetCore.Authorization;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Every controller of the admin area derives from this, so none can forget the rules: staff only (signed in
/// as an Administrator or Editor), and every POST carries an antiforgery token. A test checks the derivation.
/// </summary>
[Area("Admin")]
[Authorize(Policy = AdminAreaConfig.StaffPolicy)]
[AutoValidateAntiforgeryToken]
[ExpiredFormPage]
public abstract class AdminController : Controller;
