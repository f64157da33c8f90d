using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal on real Kestrel (a free loopback port) rather than the in-memory test server: what a client
/// sees on the wire (a HEAD answer without a body, a body refused for its size, a reader who hangs up) is
/// the server's doing as much as the app's. The sign-in and feedback limits are out of the way, and every
/// log event is kept in <see cref="Log"/>, with each request's line.
/// </summary>
public class KestrelPortal : PortalFactory
{
    /// <summary>
    /// Listening to the server's activity source makes the host start an activity for every request, continuing
    /// the <c>traceparent</c> a test sends (<see cref="CapturedLog.Trace"/>), so each log line carries a trace id
    /// the test chose. Without a listener the host may skip the activity, and a line has no trace to match.
    /// </summary>
    private static readonly ActivityListener RequestActivities = StartListening();

    public KestrelPortal() => UseKestrel(0);

    private static ActivityListener StartListening()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    public CapturedLog Log { get; } = new();

    /// <summary>The clients reach Kestrel at 127.0.0.1, the host the portal must then answer.</summary>
    protected override string PublicBaseUrl => "http://127.0.0.1";

    /// <summary>The listener lives as long as the test process; this keeps the field from looking unused.</summary>
    internal static bool ListensToRequests => RequestActivities is not null;

    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Admin:SignInPermitsPerWindow", "100000"),
        ("Feedback:PermitsPerWindow", "100000"),
        // Warnings and errors from everywhere, and the one line per request (Information).
        ("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Information"),
        ("Serilog:MinimumLevel:Override:Rsis.Portal.Web", "Information"),
    ];

    /// <summary>A client over a real socket to the port Kestrel bound; like the others, it follows no redirect.</summary>
    protected override HttpClient CreatePortalClient(bool handleCookies)
    {
        StartServer();
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = handleCookies }) { BaseAddress = ClientOptions.BaseAddress };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Serilog takes every ILogEventSink registered as a service (ReadFrom.Services).
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log));
    }
}

/// <summary>The log events the portal wrote, in order.</summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Emit(LogEvent logEvent)
    {
        _events.Enqueue(logEvent);
        TaskCompletionSource written;
        lock (_gate)
        {
            written = _written;
            _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        written.TrySetResult();
    }

    public IReadOnlyList<LogEvent> Events => [.. _events];

    /// <summary>Everything logged while a request for <paramref name="path"/> ran, its own line included.</summary>
    public IReadOnlyList<LogEvent> For(string path) => Events.Where(e => Mentions(e, path)).ToList();

    /// <summary>
    /// Gives <paramref name="request"/> a trace of its own (a W3C <c>traceparent</c> header, which the portal's
    /// request activity continues), so its log line can be told from every other request's: lines are written
    /// after the answer has gone out, so "the next line for this path" could be another test's.
    /// </summary>
    public static ActivityTraceId Trace(HttpRequestMessage request)
    {
        var trace = ActivityTraceId.CreateRandom();
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return trace;
    }

    /// <summary>The request line of the request traced as <paramref name="trace"/>; the test waits for it.</summary>
    public async Task<LogEvent> RequestLineAsync(string path, ActivityTraceId trace)
    {
        while (true)
        {
            Task written;
            lock (_gate)
            {
                written = _written.Task;
            }

            if (Events.FirstOrDefault(e => e.TraceId == trace && IsRequestLine(e, path)) is { } line)
            {
                return line;
            }

            try
            {
                await written.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"No request line for {path} in trace {trace}. Logged about it:\n" +
                    string.Join('\n', For(path).Select(e => $"{e.Level}: {e.RenderMessage(null)} trace {e.TraceId} [{string.Join(", ", e.Properties.Keys)}]")));
            }
        }
    }

    /// <summary>The one line per request: its status and how long it took, about this path.</summary>
    private static bool IsRequestLine(LogEvent e, string path) =>
        e.Properties.ContainsKey("StatusCode") && e.Properties.Keys.Any(k => k.Contains("Elapsed", StringComparison.Ordinal)) && Mentions(e, path);

    private static bool Mentions(LogEvent e, string path) =>
        e.Properties.Values.Any(v => v is ScalarValue { Value: string text } && text == path);
}
