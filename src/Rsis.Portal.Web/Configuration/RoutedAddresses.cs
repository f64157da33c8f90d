using System.Collections.Frozen;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// The site's own addresses, read from the app itself: the first literal segment of every route pattern
/// (controllers' routes, <c>robots.txt</c>, the static assets' <c>css/…</c>) and every file and folder at the top
/// of wwwroot. Nothing is kept by hand, so a route added to the app is reserved the moment it is mapped.
/// </summary>
/// <remarks>
/// Read again whenever the endpoint list changes: the routes are mapped after the host is built, and a list read
/// before that (a startup step sending a command) would otherwise stay incomplete.
/// </remarks>
internal sealed class RoutedAddresses(EndpointDataSource endpoints, IWebHostEnvironment environment) : IReservedAddresses
{
    // One reference, swapped whole, so a request never pairs one endpoint list with another list's segments.
    private Read _read = new([], FrozenSet<string>.Empty);

    public bool IsReserved(string segment) => Segments.Contains(segment);

    /// <summary>Every reserved first segment, in lower case as routes are matched regardless of case.</summary>
    public FrozenSet<string> Segments
    {
        get
        {
            var current = endpoints.Endpoints;
            var read = _read;
            if (!ReferenceEquals(read.From, current))
            {
                read = new Read(current, FirstSegments(current).Concat(WebRootEntries()).ToFrozenSet(StringComparer.OrdinalIgnoreCase));
                _read = read;
            }

            return read.Segments;
        }
    }

    /// <summary>The first segment of each route that is one literal (<c>search</c>, <c>robots.txt</c>); <c>{slug}</c> and <c>sitemap-{part}.xml</c> reserve nothing.</summary>
    internal static IEnumerable<string> FirstSegments(IEnumerable<Endpoint> endpoints) =>
        endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.Count > 0 ? e.RoutePattern.PathSegments[0] : null)
            .Where(s => s is { IsSimple: true, Parts: [RoutePatternLiteralPart] })
            .Select(s => ((RoutePatternLiteralPart)s!.Parts[0]).Content.ToLowerInvariant())
            .Distinct();

    private IEnumerable<string> WebRootEntries() =>
        environment.WebRootFileProvider.GetDirectoryContents("").Select(entry => entry.Name.ToLowerInvariant());

    private sealed record Read(IReadOnlyList<Endpoint> From, FrozenSet<string> Segments);
}
