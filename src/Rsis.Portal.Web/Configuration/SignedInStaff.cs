using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// The member of staff behind the current request, by user name, as the audit log has always named them. Outside
/// a request (a background job, a test or a startup step sending a command) the portal acts on its own and says so.
/// </summary>
internal sealed class SignedInStaff(IHttpContextAccessor requests, IOptions<IdentityOptions> identity) : ICurrentUser
{
    /// <summary>The name recorded when no request is behind a change.</summary>
    public const string System = "system";

    public string Name => requests.HttpContext is { } context ? context.User.Identity?.Name ?? "unknown" : System;

    public string? Id => requests.HttpContext?.User.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
}
