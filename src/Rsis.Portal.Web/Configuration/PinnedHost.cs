using Microsoft.AspNetCore.HostFiltering;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Outside Development the site has one public origin, <c>Site:PublicBaseUrl</c>: every absolute address it
/// prints (sitemap, feeds, canonical links, PDFs, citations) comes from it, and a request for any other host is
/// refused with 400 before it reaches the app, so <c>Host: evil.example</c> can neither appear in a page nor
/// fill the cache with pages that name it. Development (no setting needed) keeps serving whatever localhost
/// address it runs on.
/// </summary>
public static class PinnedHost
{
    public const string Setting = SiteOptions.SectionName + ":" + nameof(SiteOptions.PublicBaseUrl);

    /// <summary>
    /// Checks the setting before anything else starts (no migration runs on a misconfigured node) and derives
    /// <c>AllowedHosts</c> from it: the framework's host filtering, first in the pipeline, does the refusing.
    /// </summary>
    public static IServiceCollection AddPinnedHost(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return environment.IsDevelopment()
                ? services
                : throw new InvalidOperationException(
                    $"{Setting} is not set. Outside Development the portal prints absolute addresses (sitemap, feeds, canonical " +
                    "links, PDFs) only from it and answers no other host: set it to the public origin, e.g. " +
                    "Site__PublicBaseUrl=https://www.rsis.edu.sg.");
        }

        var origin = Parse(configured);
        if (environment.IsDevelopment())
        {
            return services;
        }

        return services.Configure<HostFilteringOptions>(options =>
        {
            // The port is not compared (the framework never does): a proxy may pass "www.rsis.edu.sg:443".
            // Host keeps an IPv6 address in brackets, as the Host header writes it; IdnHost gives a name's DNS form.
            options.AllowedHosts = [origin.HostNameType == UriHostNameType.IPv6 ? origin.Host : origin.IdnHost];
            options.AllowEmptyHosts = false;
            // The framework's page says "The request hostname is invalid." and never repeats the host it was sent.
            options.IncludeFailureMessage = true;
        });
    }

    /// <summary>An http or https origin, optionally with a port; nothing after it, since paths are appended to it.</summary>
    internal static Uri Parse(string configured)
    {
        var trimmed = configured.Trim().TrimEnd('/');
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var origin)
            && (origin.Scheme == Uri.UriSchemeHttps || origin.Scheme == Uri.UriSchemeHttp)
            && origin.AbsolutePath == "/" && origin.Query.Length == 0 && origin.Fragment.Length == 0 && origin.UserInfo.Length == 0
            ? origin
            : throw new InvalidOperationException(
                $"{Setting} is \"{configured}\", which is not a public origin such as https://www.rsis.edu.sg " +
                "(http or https, a host and optionally a port, no path).");
    }
}
