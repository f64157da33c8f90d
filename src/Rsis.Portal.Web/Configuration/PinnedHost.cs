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
    /// The setting is checked when the site starts to serve (a command such as <c>create-admin</c> serves nothing
    /// and needs none), and <c>AllowedHosts</c> is derived from it: the framework's host filtering, first in the
    /// pipeline, does the refusing.
    /// </summary>
    public static IServiceCollection AddPinnedHost(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddSingleton<IValidateOptions<SiteOptions>>(new PublicBaseUrlRule(environment));
        services.AddOptions<SiteOptions>().ValidateOnStart();
        if (environment.IsDevelopment())
        {
            return services;
        }

        services.AddOptions<HostFilteringOptions>().Configure<IOptions<SiteOptions>>((options, site) =>
        {
            if (TryParse(site.Value.PublicBaseUrl, out var origin))
            {
                // The port is not compared (the framework never does): a proxy may pass "www.rsis.edu.sg:443".
                // Host keeps an IPv6 address in brackets, as the Host header writes it; IdnHost gives a name's DNS form.
                options.AllowedHosts = [origin.HostNameType == UriHostNameType.IPv6 ? origin.Host : origin.IdnHost];
                options.AllowEmptyHosts = false;
                // The framework's page says "The request hostname is invalid." and never repeats the host it was sent.
                options.IncludeFailureMessage = true;
            }
        });
        return services;
    }

    /// <summary>An http or https origin, optionally with a port; nothing after it, since paths are appended to it.</summary>
    internal static bool TryParse(string? configured, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? origin)
    {
        origin = null;
        return !string.IsNullOrWhiteSpace(configured)
            && Uri.TryCreate(configured.Trim().TrimEnd('/'), UriKind.Absolute, out origin)
            && (origin.Scheme == Uri.UriSchemeHttps || origin.Scheme == Uri.UriSchemeHttp)
            && origin.AbsolutePath == "/" && origin.Query.Length == 0 && origin.Fragment.Length == 0 && origin.UserInfo.Length == 0;
    }

    private sealed class PublicBaseUrlRule(IHostEnvironment environment) : IValidateOptions<SiteOptions>
    {
        public ValidateOptionsResult Validate(string? name, SiteOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
            {
                return environment.IsDevelopment()
                    ? ValidateOptionsResult.Success
                    : ValidateOptionsResult.Fail(
                        $"{Setting} is not set. Outside Development the portal prints absolute addresses (sitemap, feeds, " +
                        "canonical links, PDFs) only from it and answers no other host: set it to the public origin, e.g. " +
                        "Site__PublicBaseUrl=https://www.rsis.edu.sg.");
            }

            return TryParse(options.PublicBaseUrl, out _)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{Setting} is \"{options.PublicBaseUrl}\", which is not a public origin such as https://www.rsis.edu.sg " +
                    "(http or https, a host and optionally a port, no path).");
        }
    }
}
