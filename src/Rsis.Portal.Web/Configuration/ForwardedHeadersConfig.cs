using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Behind a reverse proxy the connection comes from the proxy, so the rate limits would count every reader
/// as one and links would say <c>http</c>. <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed
/// only from the proxies named in the <c>ForwardedHeaders</c> section, never from anyone else, so a reader
/// cannot choose their own address by sending the header.
/// </summary>
public static class ForwardedHeadersConfig
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];

        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            // ASP.NET Core trusts loopback out of the box, which lets any process on the same host (or any
            // client of a local proxy that passes the header through) claim an address. Only named proxies count.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{SectionName}:KnownProxies has \"{proxy}\", which is not an IP address."));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{SectionName}:KnownNetworks has \"{network}\", which is not a network such as 10.0.0.0/8."));
            }

            // With both lists empty the middleware would believe every address, so with no proxy named it is
            // told to read nothing (this also covers ASPNETCORE_FORWARDEDHEADERS_ENABLED, which adds it anyway).
            options.ForwardedHeaders = proxies.Length + networks.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Read X-Forwarded-For from the right, one hop at a time, while the hop it came from is a known
            // proxy: the reader is the rightmost address no known proxy vouches for, however many proxies
            // there are. Whatever a client wrote further left is never reached. (A fixed limit of 1 would
            // take a front proxy's address for the reader's when two proxies are chained.)
            options.ForwardLimit = null;
        });
    }

    /// <summary>First in the pipeline, so everything after it sees the reader, not the proxy; nothing when no proxy is named.</summary>
    public static IApplicationBuilder UsePortalForwardedHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        return options.ForwardedHeaders == ForwardedHeaders.None ? app : app.UseForwardedHeaders();
    }
}
