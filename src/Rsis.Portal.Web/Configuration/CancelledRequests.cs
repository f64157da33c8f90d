using Microsoft.AspNetCore.Diagnostics;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// A reader who goes away mid-request (closes the tab during a search) is not a server error. What their
/// leaving throws — the cancellation itself, or the I/O or database failure it causes — is caught here,
/// inside the request logging, so the request's line says 499 at Information instead of 500 at Error, and
/// no error page is drawn for nobody.
/// </summary>
public static class CancelledRequests
{
    /// <summary>nginx's "client closed request": no answer reaches the reader, but the log line says why.</summary>
    public const int ClientClosedRequest = StatusCodes.Status499ClientClosedRequest;

    public static IApplicationBuilder UseCancelledRequests(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (context.RequestAborted.IsCancellationRequested && IsCausedByLeaving(exception))
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CancelledRequests).FullName!);
                logger.LogInformation("The reader left before {Method} {Path} was answered ({Exception})",
                    context.Request.Method, context.Request.Path.Value, exception.GetType().Name);
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = ClientClosedRequest;
                    context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
                }
            }
        });

    private static bool IsCausedByLeaving(Exception exception) =>
        exception is OperationCanceledException or IOException or System.Data.Common.DbException;
}
