using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.StaticAssets;
using Serilog;
using Serilog.Events;

namespace Rsis.Portal.Web.Configuration;

public static class LoggingConfig
{
    /// <summary>The request line: short, because it is written for every request.</summary>
    public const string RequestLineTemplate = "{RequestMethod:l} {RequestPath:l} {StatusCode} in {Elapsed:0.0} ms";

    /// <summary>Serilog from configuration: readable lines in Development, compact JSON elsewhere.</summary>
    /// <remarks>
    /// The static <c>Log.Logger</c> is left alone: otherwise this host's ILogger output would go to whichever host
    /// in the process set it last (the tests run several hosts in one process, and two nodes side by side).
    /// </remarks>
    public static IServiceCollection AddPortalLogging(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddSerilog(preserveStaticLogger: true, configureLogger: (provider, logger) =>
        {
            logger.ReadFrom.Configuration(configuration)
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext();
            if (environment.IsDevelopment())
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(new PortalJsonFormatter());
            }
        });

    /// <summary>One line per request: method, path (without the query), status, elapsed milliseconds and trace id.</summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This app's own logger, not Serilog's static one, which is whichever host in the process was built
            // last: with two hosts in one process (the tests' two nodes) each request line went to the other's sinks.
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = RequestLineTemplate;
            options.GetLevel = RequestLineLevel;
            options.GetMessageTemplateProperties = RequestLineProperties;
        });

    /// <summary>
    /// Serilog's own four properties, with one change: a shared preview link's token is left out, because the
    /// token is the link, and whoever reads the log should not be able to open drafts with it.
    /// </summary>
    private static IEnumerable<LogEventProperty> RequestLineProperties(HttpContext context, string path, double elapsedMilliseconds, int statusCode) =>
    [
        new("RequestMethod", new ScalarValue(context.Request.Method)),
        new("RequestPath", new ScalarValue(PreviewLinks.WithoutToken(path))),
        new("StatusCode", new ScalarValue(statusCode)),
        new("Elapsed", new ScalarValue(elapsedMilliseconds)),
    ];

    /// <summary>
    /// Errors as errors (with their exception); what nobody needs to read at Information below it: static
    /// files and health checks that answered well (a missing file stays in view, a failing check is a warning), and the
    /// error page drawn for a request whose own line already says what happened.
    /// </summary>
    internal static LogEventLevel RequestLineLevel(HttpContext context, double elapsedMilliseconds, Exception? exception)
    {
        // A proxy asks every few seconds: a healthy answer is noise, and "not ready" (503 while the database
        // starts) is a warning, not a server error; the check itself logs what it found.
        if (exception is null && context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            return context.Response.StatusCode < StatusCodes.Status400BadRequest ? LogEventLevel.Debug : LogEventLevel.Warning;
        }

        if (exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return LogEventLevel.Debug;
        }

        var staticFile = context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
        return staticFile && context.Response.StatusCode < StatusCodes.Status400BadRequest ? LogEventLevel.Debug : LogEventLevel.Information;
    }
}
