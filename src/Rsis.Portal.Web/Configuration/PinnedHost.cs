using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Primitives;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Outside Development the site has one public origin, <c>Site:PublicBaseUrl</c>: every absolute address it
/// prints (sitemap, feeds, canonical links, PDFs, citations) comes from it, and a request for any other host is
/// refused with 400 (the site's error page, which names no host) before it reaches a page, so <c>Host: evil.example</c> can neither appear in a page nor
/// fill the cache with pages that name it. Development (no setting needed) keeps serving whatever localhost
/// address it runs on.
/// </summary>
public static class PinnedHost
{
    public const string Setting = SiteOptions.SectionName + ":" + nameof(SiteOptions.PublicBaseUrl);

    /// <summary>
    /// The setting is checked when the site starts to serve (a command such as <c>create-admin</c> serves nothing
    /// and needs none).
    /// </summary>
    public static IServiceCollection AddPinnedHost(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddSingleton<IValidateOptions<SiteOptions>>(new PublicBaseUrlRule(environment));
        services.AddOptions<SiteOptions>().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Refuses, outside Development, a request for any host but the public one (or none) with 400 and the site's
    /// own error page. Not the framework's host filtering: that runs first in the pipeline, before the status code
    /// pages, and answers with a bare text of its own. So this goes after <c>UseStatusCodePagesWithReExecute</c>,
    /// and after the forwarded headers, so that behind the proxy the host checked is the one the reader asked for.
    /// </summary>
    public static IApplicationBuilder UsePinnedHost(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()
            || !TryParse(app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.PublicBaseUrl, out var origin))
        {
            return app;
        }

        // The port is not compared (nor does the framework): a proxy may pass "www.rsis.edu.sg:443". An IPv6
        // address keeps its brackets, as the Host header writes it; IdnHost gives a name's DNS form.
        IList<StringSegment> allowed = [origin.HostNameType == UriHostNameType.IPv6 ? origin.Host : origin.IdnHost];
        return app.Use((context, next) =>
        {
            // The error page drawn for the refusal runs through here again, for the same host.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null
                && !(context.Request.Host.HasValue && HostString.MatchesAny(context.Request.Host.Value, allowed)))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }

            return next(context);
        });
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
