using Microsoft.AspNetCore.Antiforgery;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// The antiforgery cookie. Over https it is <c>Secure</c> and named with the <c>__Host-</c> prefix, which browsers
/// accept only with <c>Secure</c>, path <c>/</c> and no domain: no plain-http page and no other host under the same
/// domain can then set or overwrite it, so nobody can plant a token pair of their own. Over plain http
/// (Development, the tests, a site whose proxy is not yet named) a browser would refuse a prefixed cookie outright
/// and every form would fail, so there it keeps a plain name and is not <c>Secure</c> (the scheme of the request,
/// after the forwarded headers of a known proxy, decides both).
/// </summary>
public static class AntiforgeryConfig
{
    public const string CookieName = "rsis-antiforgery";

    public const string HttpsCookieName = "__Host-" + CookieName;

    public static IServiceCollection AddPortalAntiforgery(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOptions<AntiforgeryOptions>().Configure<IHttpContextAccessor>((antiforgery, requests) =>
            antiforgery.Cookie = new CookieNamedByScheme(requests)
            {
                Path = "/",
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                SecurePolicy = CookieSecurePolicy.SameAsRequest,
                IsEssential = true,
            });
        return services;
    }

    /// <summary>A cookie whose name follows the request's scheme: <see cref="HttpsCookieName"/> over https.</summary>
    private sealed class CookieNamedByScheme(IHttpContextAccessor requests) : CookieBuilder
    {
        public override string? Name
        {
            get => requests.HttpContext?.Request.IsHttps == true ? HttpsCookieName : CookieName;
            set => throw new NotSupportedException("The antiforgery cookie's name follows the request's scheme; see AntiforgeryConfig.");
        }
    }
}
