using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Behind a reverse proxy the connection comes from the proxy, so the rate limits would count every reader
/// as one and links would say <c>http</c>. <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed
/// only from the proxies named in the <c>ForwardedHeaders</c> section (loopback by default), never from anyone
/// else, so a reader cannot choose their own address by sending the header.
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
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy in front of the app: its own entry is the only one it vouches for.
            options.ForwardLimit = 1;
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
        });
    }
}
