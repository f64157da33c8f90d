using System.Collections.Concurrent;
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
    public KestrelPortal() => UseKestrel(0);

    public CapturedLog Log { get; } = new();

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
    /// How many <paramref name="method"/> requests for <paramref name="path"/> have been logged so far. The method
    /// matters: the line of a GET that fetched the form can be written after its answer reached the test, so
    /// after the POST has been sent.
    /// </summary>
    public int RequestLinesFor(string path, string method) => Events.Count(e => IsRequestLine(e, method, path));

    /// <summary>
    /// The line of the next request for <paramref name="path"/> after the first <paramref name="seen"/>. The
    /// request logging writes it after the answer has gone out, so a test waits for it rather than reading at once.
    /// </summary>
    public async Task<LogEvent> RequestLineAsync(string path, string method, int seen)
    {
        while (true)
        {
            Task written;
            lock (_gate)
            {
                written = _written.Task;
            }

            if (Events.Where(e => IsRequestLine(e, method, path)).Skip(seen).FirstOrDefault() is { } line)
            {
                return line;
            }

            try
            {
                await written.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"No request line for {path} after the first {seen}. Logged about it:\n" +
                    string.Join('\n', For(path).Select(e => $"{e.Level}: {e.RenderMessage(null)} [{string.Join(", ", e.Properties.Keys)}]")));
            }
        }
    }

    /// <summary>The one line per request: its status and how long it took, about this path.</summary>
    private static bool IsRequestLine(LogEvent e, string method, string path) =>
        e.Properties.TryGetValue("RequestMethod", out var logged) && logged is ScalarValue { Value: string loggedMethod } && loggedMethod == method
        && e.Properties.ContainsKey("StatusCode") && e.Properties.Keys.Any(k => k.Contains("Elapsed", StringComparison.Ordinal)) && Mentions(e, path);

    private static bool Mentions(LogEvent e, string path) =>
        e.Properties.Values.Any(v => v is ScalarValue { Value: string text } && text == path);
}
