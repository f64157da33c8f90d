using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Every address that answers GET answers HEAD the same way, without the body: monitors and link checkers
/// ask with HEAD, and routing alone would give them 405 (or the catch-all page route's 404). One convention
/// over every action, so a new GET page cannot forget it. The action runs as for GET (same status, same
/// headers) and the server leaves the body out; the output cache keeps HEAD and GET apart (its key starts
/// with the method), so neither is served the other's entry.
/// </summary>
public sealed class HeadRequestsConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        // An address given its own [HttpHead] already answers HEAD; a second HEAD route to it would be ambiguous.
        var withOwnHead = action.Selectors
            .Where(s => s.ActionConstraints.OfType<HttpMethodActionConstraint>().Any(c => !c.HttpMethods.Contains(HttpMethods.Get) && c.HttpMethods.Contains(HttpMethods.Head)))
            .Select(s => s.AttributeRouteModel?.Template)
            .ToHashSet();
        foreach (var selector in action.Selectors.Where(s => !withOwnHead.Contains(s.AttributeRouteModel?.Template)))
        {
            for (var i = 0; i < selector.ActionConstraints.Count; i++)
            {
                if (selector.ActionConstraints[i] is HttpMethodActionConstraint constraint && WithHead(constraint.HttpMethods) is { } methods)
                {
                    selector.ActionConstraints[i] = new HttpMethodActionConstraint(methods);
                }
            }

            // Endpoint routing matches on this metadata; the constraint above is what MVC itself reads.
            for (var i = 0; i < selector.EndpointMetadata.Count; i++)
            {
                if (selector.EndpointMetadata[i] is HttpMethodMetadata metadata && WithHead(metadata.HttpMethods) is { } methods)
                {
                    selector.EndpointMetadata[i] = new HttpMethodMetadata(methods, metadata.AcceptCorsPreflight);
                }
            }
        }
    }

    private static List<string>? WithHead(IEnumerable<string> methods)
    {
        var list = methods.ToList();
        return list.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase) && !list.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase)
            ? [.. list, HttpMethods.Head]
            : null;
    }
}
