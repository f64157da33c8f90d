using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal on a fresh SQLite file of its own, migrated and seeded by the app's own startup step.
/// One per test class (<c>IClassFixture</c>); the file is deleted afterwards.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rsis-portal-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_directory, "portal.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        // "Testing" behaves like Production (no developer exception page) but keeps its own settings.
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Required outside Development (the site answers only this host): the in-memory server's requests say localhost.
        builder.UseSetting("Site:PublicBaseUrl", PublicBaseUrl);
        // Mail with no SMTP server configured is written as files: into the test's own folder, not the app's.
        builder.UseSetting("Email:PickupDirectory", Path.Combine(_directory, "mail"));
        builder.UseSetting("SocialCards:Directory", Path.Combine(_directory, "cards"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The origin the portal prints and the only host it answers; a test class's Settings may still change it.</summary>
    protected virtual string PublicBaseUrl => "http://localhost";

    /// <summary>Settings a test class needs beyond the defaults.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    /// <summary>
    /// A client that does not follow redirects, so tests see the 301s and 302s themselves. It keeps cookies,
    /// as a browser does (the antiforgery cookie).
    /// </summary>
    public HttpClient CreateVisitor() => CreatePortalClient(handleCookies: true);

    /// <summary>A client that does not follow redirects, so tests see the 301s and 302s themselves.</summary>
    public HttpClient CreateReader() => CreatePortalClient(handleCookies: false);

    /// <summary>
    /// How a test's client reaches the portal: through the in-memory test server at the public address (the only
    /// host the portal answers), unless a subclass runs a real server.
    /// </summary>
    protected virtual HttpClient CreatePortalClient(bool handleCookies) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(PublicBaseUrl), AllowAutoRedirect = false, HandleCookies = handleCookies });

    /// <summary>Runs <paramref name="work"/> against the app's own database in a scope of its own.</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>
    /// Publications a test writes straight to the database, added as a staff save would: the pages that show them
    /// are drawn anew, whichever test drew them before.
    /// </summary>
    public async Task<T> AddToPublishedSiteAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        var result = await WithDatabaseAsync(work);
        await WithServiceAsync<IPublicPageCache, bool>(async cache =>
        {
            await cache.EvictAsync(CacheTags.Site, TestContext.Current.CancellationToken);
            return true;
        });
        return result;
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platform is left for the OS temp cleanup.
        }
    }
}

/// <summary>Fetching pages and reading them as HTML documents.</summary>
public static class PageReading
{
    private static readonly IBrowsingContext Browser = BrowsingContext.New(Configuration.Default);

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}.");
        return await ParseAsync(html);
    }

    public static async Task<IHtmlDocument> ParseAsync(string html) =>
        (IHtmlDocument)await Browser.OpenAsync(request => request.Content(html), TestContext.Current.CancellationToken);

    /// <summary>Text with runs of whitespace collapsed, as a reader sees it.</summary>
    public static string Squash(this string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>
/// A second app node on the database of another portal (<paramref name="databasePath"/>), with the same settings:
/// what one node does with sessions and keys, the other must see.
/// </summary>
public sealed class PortalNode(string databasePath, IEnumerable<(string Key, string Value)> settings) : PortalFactory
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
        settings.Append(("ConnectionStrings:Sqlite", $"Data Source={databasePath}"));
}
