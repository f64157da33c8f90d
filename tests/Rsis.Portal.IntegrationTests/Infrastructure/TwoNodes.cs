using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// Two portal nodes on real Kestrel ports, as behind a load balancer: one SQLite file, one real Redis
/// (<see cref="RedisServer"/>). Node A makes the database; node B starts on it afterwards.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public RedisServer? Redis { get; private set; }

    public RedisNode A { get; private set; } = null!;

    public RedisNode B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Redis = await RedisServer.StartIfInstalledAsync();
        if (Redis is null)
        {
            return;
        }

        A = new RedisNode(Redis.ConnectionString, databasePath: null);
        A.Start();
        B = new RedisNode(Redis.ConnectionString, A.DatabasePath);
        B.Start();
    }

    /// <summary>A client of <paramref name="node"/> with <paramref name="cookies"/>: one browser's cookies go to both nodes (one host, two ports).</summary>
    public static HttpClient Browser(RedisNode node, CookieContainer cookies) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = node.Address };

    public async ValueTask DisposeAsync()
    {
        if (Redis is null)
        {
            return;
        }

        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

/// <summary>One node of <see cref="TwoNodes"/>: Redis configured, the real feedback limit (5 a window) with a long window.</summary>
public sealed class RedisNode(string redis, string? databasePath) : KestrelPortal
{
    public Uri Address => ClientOptions.BaseAddress;

    public void Start()
    {
        StartServer();
        // The port is known once the server listens; clients are made with it.
        CreateReader().Dispose();
    }

    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("ConnectionStrings:Redis", redis),
        ("Admin:SignInPermitsPerWindow", "100000"),
        // A day: the five feedback posts of a test never straddle two windows.
        ("Feedback:Window", "1.00:00:00"),
        ("Publishing:ScheduledCheckInterval", "00:00:01"),
        ("Serilog:MinimumLevel:Override:Rsis.Portal.Web", "Information"),
        ("Serilog:MinimumLevel:Override:Rsis.Portal.Web.Configuration.ScheduledPublishing", "Debug"),
        ("Serilog:MinimumLevel:Override:Rsis.Portal.Application.Publications", "Information"),
        .. databasePath is null ? [] : new[] { ("ConnectionStrings:Sqlite", $"Data Source={databasePath}") },
    ];

    public Task<int> SeedPublicationIdAsync() =>
        WithDatabaseAsync(db => db.Publications.Where(p => p.Code == SeedFacts.Code).Select(p => p.Id).SingleAsync());
}
