using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Json;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// The production log: compact JSON, one event a line (CLEF, as <see cref="RenderedCompactJsonFormatter"/>
/// writes it), except the request line. That one is written for every request, so it keeps only what a
/// diagnosis starts from: <c>{"@t":…,"@m":"GET /path 200 in 3.1 ms","@tr":…}</c>, with <c>@l</c> when it is
/// not Information and <c>@x</c> when the request failed. The connection and request ids, the span, the
/// source and the same values again as properties (about 270 bytes of every line) are left out: the trace
/// id ties the line to everything else the request logged, and those events keep all their properties.
/// </summary>
internal sealed class PortalJsonFormatter : ITextFormatter
{
    /// <summary>The source of the request line (Serilog.AspNetCore's middleware, not public).</summary>
    private const string RequestLogger = "Serilog.AspNetCore.RequestLoggingMiddleware";

    private readonly RenderedCompactJsonFormatter _everythingElse = new();

    public void Format(LogEvent logEvent, TextWriter output)
    {
        if (!IsRequestLine(logEvent))
        {
            _everythingElse.Format(logEvent, output);
            return;
        }

        output.Write("{\"@t\":\"");
        output.Write(logEvent.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        output.Write("\",\"@m\":");
        JsonValueFormatter.WriteQuotedJsonString(logEvent.RenderMessage(CultureInfo.InvariantCulture), output);
        if (logEvent.Level != LogEventLevel.Information)
        {
            output.Write(",\"@l\":\"");
            output.Write(logEvent.Level.ToString());
            output.Write('"');
        }

        if (logEvent.TraceId is { } traceId)
        {
            output.Write(",\"@tr\":\"");
            output.Write(traceId.ToHexString());
            output.Write('"');
        }

        if (logEvent.Exception is { } exception)
        {
            output.Write(",\"@x\":");
            JsonValueFormatter.WriteQuotedJsonString(exception.ToString(), output);
        }

        output.Write('}');
        output.Write('\n');
    }

    private static bool IsRequestLine(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: string name }
        && name == RequestLogger;
}
