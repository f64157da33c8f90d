using Microsoft.Extensions.Primitives;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// The security headers of DESIGN.md. Every response gets <c>nosniff</c>, which is what keeps a stylesheet or a
/// script from being read as anything else. The headers that govern a document — the content security policy,
/// framing, referrer and permissions policies, the opener policy — go on everything a browser can show as a
/// page of this site (HTML, SVG, PDF, feeds, JSON, errors), and not on stylesheets, scripts, fonts and raster
/// images, which are never documents: there they only cost bytes, about 450 on each file of a first view.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    // Made once: a header set from a StringValues allocates nothing per response.
    private static readonly StringValues Policy = ContentSecurityPolicy;
    private static readonly StringValues PdfPolicy = ContentSecurityPolicy + "; sandbox";
    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues Deny = "DENY";
    private static readonly StringValues Referrer = "strict-origin-when-cross-origin";
    private static readonly StringValues Permissions = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
    private static readonly StringValues SameOrigin = "same-origin";

    /// <summary>Types a browser only ever loads into a page, never shows as one. SVG is not among them: it can hold script.</summary>
    private static readonly string[] SubresourceTypes =
        ["text/css", "text/javascript", "application/javascript", "font/", "image/png", "image/jpeg", "image/webp", "image/gif", "image/x-icon", "image/vnd.microsoft.icon", "application/manifest+json"];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                var headers = response.Headers;
                headers.XContentTypeOptions = NoSniff;
                var contentType = response.ContentType;
                if (IsSubresource(contentType))
                {
                    return Task.CompletedTask;
                }

                // A PDF opened in the browser (?inline=true) is a document of this site's origin; "sandbox" gives
                // it an origin of its own and no scripts, so whatever a viewer makes of it cannot act as the site.
                // Every PDF answer gets it, uploaded or typeset, inline or downloaded (and cached ones too).
                headers.ContentSecurityPolicy = contentType?.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) == true
                    ? PdfPolicy
                    : Policy;
                headers.XFrameOptions = Deny;
                headers["Referrer-Policy"] = Referrer;
                headers["Permissions-Policy"] = Permissions;
                headers["Cross-Origin-Opener-Policy"] = SameOrigin;
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });

    private static bool IsSubresource(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        foreach (var type in SubresourceTypes)
        {
            if (contentType.StartsWith(type, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
