using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Rsis.Portal.BrowserTests.Infrastructure;

/// <summary>
/// The real portal on real Kestrel (a free loopback port), on a fresh SQLite file of its own,
/// migrated and seeded by the app's own startup step. The file is deleted afterwards.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    /// <summary>
    /// The portal's public address in these tests: what citations, feeds and the canonical link print. The
    /// browser reaches it at 127.0.0.1 on the port the OS picked; the portal answers that host on any port.
    /// </summary>
    public const string PublicBaseUrl = "http://127.0.0.1";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rsis-portal-browser-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_directory, "portal.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        // "Testing" behaves like Production (no developer exception page) but keeps its own settings.
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Required outside Development, and the only host the portal answers: the browser comes to 127.0.0.1.
        builder.UseSetting("Site:PublicBaseUrl", PublicBaseUrl);
        // Every test's browser is one client to the server (127.0.0.1), so the per-address limits on
        // sign-in and feedback would count all tests together and refuse whichever test comes late in a
        // busy minute. The limits themselves are tested in the integration tests, one client per test.
        builder.UseSetting("Admin:SignInPermitsPerWindow", "10000");
        builder.UseSetting("Feedback:PermitsPerWindow", "10000");
        // Outside Development the app expects published output; from the build output its CSS and JS
        // are found only through the static web assets manifest, which has to be switched on here.
        builder.UseStaticWebAssets();
    }

    /// <summary>Starts Kestrel on a port the OS picks and answers the address it bound, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        return new Uri(addresses.Addresses.First());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
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
