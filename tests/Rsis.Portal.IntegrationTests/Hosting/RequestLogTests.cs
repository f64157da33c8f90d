using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.IntegrationTests.Infrastructure;
using Rsis.Portal.Web.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace Rsis.Portal.IntegrationTests.Hosting;

/// <summary>
/// The portal with every log event kept, Debug included, written out as production writes it
/// (<see cref="PortalJsonFormatter"/>).
/// </summary>
public class LoggedPortal : PortalFactory
{
    public RequestLog Log { get; } = new();

    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Serilog:MinimumLevel:Default", "Debug"),
        ("Serilog:MinimumLevel:Override:Microsoft", "Warning"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development the static files are found only through the build's static web assets manifest.
        builder.UseStaticWebAssets();
        // Serilog takes every ILogEventSink registered as a service.
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log));
    }
}

/// <summary>The events the portal logged, and a way to wait for a request's own line (written after the answer).</summary>
public sealed class RequestLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Emit(LogEvent logEvent)
    {
        _events.Enqueue(logEvent);
        TaskCompletionSource written;
        lock (_gate)
        {
            written = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        written.TrySetResult();
    }

    /// <summary>Every request line logged for <paramref name="path"/>, the re-executed error page's included.</summary>
    public IReadOnlyList<LogEvent> RequestLines(string path) =>
        _events.Where(e => IsRequestLine(e) && e.Properties["RequestPath"] is ScalarValue { Value: string p } && p == path).ToList();

    /// <summary>The first request line for <paramref name="path"/>, waited for: it is written after the answer has gone.</summary>
    public Task<LogEvent> LineForAsync(string path) => LineForAsync(path, status: null);

    /// <summary>
    /// The first request line for <paramref name="path"/> that answered <paramref name="status"/>: another test of
    /// the class may have asked for the same path before, with another answer.
    /// </summary>
    public async Task<LogEvent> LineForAsync(string path, int? status)
    {
        while (true)
        {
            Task written;
            lock (_gate)
            {
                written = _next.Task;
            }

            if (RequestLines(path).FirstOrDefault(line => status is null || StatusOf(line) == status) is { } line)
            {
                return line;
            }

            await written.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The line as the production log has it.</summary>
    public static string Written(LogEvent logEvent)
    {
        using var output = new StringWriter();
        new PortalJsonFormatter().Format(logEvent, output);
        return output.ToString();
    }

    private static int? StatusOf(LogEvent line) =>
        line.Properties.TryGetValue("StatusCode", out var code) && code is ScalarValue { Value: int status } ? status : null;

    private static bool IsRequestLine(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var source) && source.ToString() == "\"Serilog.AspNetCore.RequestLoggingMiddleware\"";
}

public sealed class RequestLogTests(LoggedPortal portal) : IClassFixture<LoggedPortal>
{
    [Fact]
    public async Task A_page_is_one_short_line_of_method_path_status_elapsed_and_trace_id()
    {
        using var response = await portal.CreateReader().GetAsync(new Uri(SeedFacts.ArticleUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var line = await portal.Log.LineForAsync(SeedFacts.ArticleUrl);
        var written = RequestLog.Written(line);

        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.EndsWith("}\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', written.TrimEnd('\n'));
        using var json = JsonDocument.Parse(written);
        Assert.Equal(["@t", "@m", "@tr"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Matches(new Regex($"^GET {Regex.Escape(SeedFacts.ArticleUrl)} 200 in [0-9]+\\.[0-9] ms$"), json.RootElement.GetProperty("@m").GetString());
        Assert.Matches(new Regex("^[0-9a-f]{32}$"), json.RootElement.GetProperty("@tr").GetString());
        // Time, message and trace id, and nothing else: the path is the only part that grows.
        Assert.True(written.Length <= 120 + SeedFacts.ArticleUrl.Length, $"{written.Length} bytes: {written}");
    }

    [Fact]
    public async Task A_static_file_is_logged_below_Information()
    {
        var home = await portal.CreateReader().GetPageAsync("/");
        var stylesheet = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).First(h => h.StartsWith("/css/", StringComparison.Ordinal));

        using var response = await portal.CreateReader().GetAsync(new Uri(stylesheet, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal(LogEventLevel.Debug, (await portal.Log.LineForAsync(stylesheet)).Level);
    }

    [Fact]
    public async Task A_missing_page_is_one_line_at_Information_and_its_error_page_none()
    {
        const string missing = "/no-such-page-for-the-log";

        using var response = await portal.CreateReader().GetAsync(new Uri(missing, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var line = await portal.Log.LineForAsync(missing);
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Matches(new Regex($"^GET {missing} 404 in "), line.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        // The error page drawn for it (re-executed as /error/404) is below Information.
        var errorPage = await portal.Log.LineForAsync("/error/404");
        Assert.Equal(line.TraceId, errorPage.TraceId);
        Assert.Equal(LogEventLevel.Debug, errorPage.Level);
    }
}

/// <summary>Breaks its own database, so it has one of its own.</summary>
public sealed class FailedRequestLogTests(LoggedPortal portal) : IClassFixture<LoggedPortal>
{
    [Fact]
    public async Task A_server_error_line_is_an_error_with_its_exception()
    {
        var client = portal.CreateReader();
        await portal.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE SiteLinks", TestContext.Current.CancellationToken));

        using var response = await client.GetAsync(new Uri("/staff-profiles", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);

        var line = await portal.Log.LineForAsync("/staff-profiles");
        using var json = JsonDocument.Parse(RequestLog.Written(line));
        Assert.Equal("Error", json.RootElement.GetProperty("@l").GetString());
        Assert.Contains("no such table: SiteLinks", json.RootElement.GetProperty("@x").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("GET /staff-profiles 500 in ", json.RootElement.GetProperty("@m").GetString(), StringComparison.Ordinal);
    }
}
