using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Rsis.Portal.Web.Filters;

/// <summary>
/// Every posted form is read here, once, before anything else reads it. A body that cannot be read as a
/// form (a multipart type without a boundary, a cut-off multipart body, more fields than allowed, more bytes
/// than the action accepts) gets 400, or 413 for size, in the site's layout (a problem document for JSON),
/// is logged as a warning, and reaches no action: nothing is stored.
/// </summary>
/// <remarks>
/// Why a global authorization filter, and not a middleware or a check in each action: the form is read by
/// two framework parts that each fail differently on a bad body. Antiforgery validation reads it when the
/// token is not in a header (and turns a failure into a misleading "expired form" 400); model binding reads
/// it otherwise, records the failure on the empty key and leaves the action's form argument null (the 500 in
/// FeedbackController). Reading it first, here, gives both the form already parsed. As an MVC filter this
/// runs after the action's own <c>[RequestSizeLimit]</c> and <c>[RequestFormLimits]</c> (Order 900), so the
/// body is read under the limits the action chose, and before antiforgery (Order 1000). Every form of the
/// portal is an MVC action, so this one place covers the feedback, the sign-in and every admin form.
/// </remarks>
public sealed class UnreadableFormFilter(ILogger<UnreadableFormFilter> logger) : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>After the action's form and size limits (900), before antiforgery (1000).</summary>
    public const int FilterOrder = 950;

    public int Order => FilterOrder;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        // An error page drawn for this request (a 429, a 404 from the action) is not a form to read: the body
        // may be half read or never wanted, and the page must keep its own status.
        if (!request.HasFormContentType
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return;
        }

        // Kestrel refuses a body over the limit on its first read anyway; saying so before reading spares the
        // work, and holds under a server that does not enforce the limit itself.
        var limit = BodyLimit(http);
        if (request.ContentLength > limit)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge, $"{request.ContentLength} bytes, over the limit of {limit}");
            return;
        }

        try
        {
            await request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception exception) when (StatusFor(exception, http) is { } status)
        {
            Refuse(context, status, exception.Message);
        }
    }

    private void Refuse(AuthorizationFilterContext context, int status, string reason)
    {
        logger.LogWarning("A form sent to {Path} could not be read ({Reason}); answered {StatusCode}",
            context.HttpContext.Request.Path.Value, reason, status);
        context.Result = Refusal(context.HttpContext.Request, status);
    }

    /// <summary>The status for a body that could not be read, or null for a failure that is not the client's.</summary>
    private static int? StatusFor(Exception exception, HttpContext http) => exception switch
    {
        // The reader went away: nobody is waiting for an answer; see CancelledRequests.
        _ when http.RequestAborted.IsCancellationRequested => null,
        // Kestrel: 413 for a body over the limit, 400 for one shorter than its Content-Length, 408 for a stalled one.
        BadHttpRequestException bad => bad.StatusCode,
        // The form readers' limits: a field or a multipart section too long is about size; too many
        // fields, a missing boundary or a malformed section is a bad request.
        InvalidDataException invalid when invalid.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase) =>
            StatusCodes.Status413PayloadTooLarge,
        InvalidDataException => StatusCodes.Status400BadRequest,
        // A multipart body that ends before its closing boundary.
        IOException => StatusCodes.Status400BadRequest,
        _ => null,
    };

    /// <summary>The action's own limit (null when it lifts the limit), else the server's.</summary>
    private static long? BodyLimit(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } action
            ? action.MaxRequestBodySize
            : http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;

    private static IActionResult Refusal(HttpRequest request, int status)
    {
        var page = FormStatusPage(status);
        if (ValidationFilter.WantsJson(request))
        {
            return new ObjectResult(new ProblemDetails { Status = status, Title = page.Title, Detail = page.Message }) { StatusCode = status };
        }

        return new ViewResult
        {
            ViewName = "~/Views/Errors/Status.cshtml",
            StatusCode = status,
            ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = page },
        };
    }

    private static StatusPage FormStatusPage(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => StatusPage.For(status) with
        {
            Message = "What you sent is larger than this form accepts, so nothing was saved.",
        },
        _ => new StatusPage(status, "The form could not be read",
            "What was sent did not arrive as a complete form, so nothing was saved. Please go back and send it again.", []),
    };
}
