using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// <c>ConnectionStrings:Redis</c>: empty (the default) for one node, whose cache, rate limits and locks live in
/// its own memory; set, for several nodes sharing one Redis: the output cache (and with it the shared-data
/// markers), the rate limits and the once-only locks move there, so a save on any node evicts on all.
/// </summary>
public static class SharedStore
{
    public const string ConnectionStringName = "Redis";

    /// <summary>After <see cref="OutputCacheConfig.AddPortalOutputCache"/>, whose memory store this replaces.</summary>
    public static IServiceCollection AddPortalSharedStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InProcessWorkLocks>();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services.AddSingleton<IWorkLocks>(provider => provider.GetRequiredService<InProcessWorkLocks>());
        }

        services.AddSingleton<RedisOutages>();
        services.AddSingleton(provider => new RedisLink(
            RedisLink.Options(connectionString), provider.GetRequiredService<RedisOutages>(), provider.GetRequiredService<ILogger<RedisLink>>()));
        // Connects at start, so the log says at once whether Redis is there.
        services.AddHostedService(provider => provider.GetRequiredService<RedisLink>());
        services.AddHealthChecks().AddCheck<RedisReadinessCheck>("redis", tags: [PortalHealthChecks.Ready]);
        services.AddSingleton<IWorkLocks, RedisWorkLocks>();
        services.RemoveAll<IOutputCacheStore>();
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<RedisLink>((redis, link) =>
        {
            redis.InstanceName = "rsis:";
            redis.ConnectionMultiplexerFactory = link.ConnectedAsync;
        });
        // The package's store is internal: it is made here and wrapped, so that no Redis failure reaches a reader.
        var redisStore = services.Last(s => s.ServiceType == typeof(IOutputCacheStore));
        services.Remove(redisStore);
        return services.AddSingleton<IOutputCacheStore>(provider => new SharedOutputCacheStore(
            (IOutputCacheStore)(redisStore.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, redisStore.ImplementationType!)),
            provider.GetRequiredService<RedisLink>(),
            provider.GetRequiredService<RedisOutages>()));
    }

    /// <summary>What a lost or slow Redis throws: the work goes on without it.</summary>
    internal static bool IsRedisFailure(Exception exception) =>
        exception is RedisException or TimeoutException or ObjectDisposedException;
}

/// <summary>
/// Redis, on <c>/health/ready</c>. Down is "Degraded", which still answers 200: the node serves readers without
/// it (from the database, uncached), and taking every node out of the proxy because Redis is away would not.
/// </summary>
internal sealed class RedisReadinessCheck(RedisLink redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsUp
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("unreachable: pages are served uncached, limits and locks are this node's own"));
}

/// <summary>
/// The one connection a node keeps to Redis. It never fails the start: an unreachable Redis is reported and
/// retried in the background (<c>abortConnect=false</c>), and until it answers the node works as if alone.
/// </summary>
internal sealed class RedisLink(ConfigurationOptions options, RedisOutages outages, ILogger<RedisLink> logger) : IHostedService, IAsyncDisposable
{
    private readonly TaskCompletionSource<IConnectionMultiplexer> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IConnectionMultiplexer? _connection;

    /// <summary>Raised when Redis answers again after an outage: what was missed meanwhile can be made good.</summary>
    public event Func<Task>? Restored;

    public static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        // While disconnected, commands fail at once instead of queueing until a timeout: a reader waits for
        // the database, never for Redis.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // A lost Redis is tried again every second, so caching resumes soon after it is back.
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ClientName ??= "rsis-portal";
        return options;
    }

    /// <summary>Whether Redis is connected now; when not, callers skip it rather than wait.</summary>
    public bool IsUp => Volatile.Read(ref _connection) is { IsConnected: true };

    public IDatabase Database => _connected.Task.IsCompletedSuccessfully
        ? _connected.Task.Result.GetDatabase()
        : throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis has not been reached yet.");

    public Task<IConnectionMultiplexer> ConnectedAsync() => _connected.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(options);
        connection.ConnectionFailed += (_, failure) => outages.Report(failure.Exception, failure.FailureType.ToString());
        connection.ConnectionRestored += (_, _) => _ = OnRestoredAsync();
        Volatile.Write(ref _connection, connection);
        _connected.TrySetResult(connection);
        if (connection.IsConnected)
        {
            logger.LogInformation("Redis at {Endpoints} is connected: output cache, rate limits and locks are shared with the other nodes",
                string.Join(", ", options.EndPoints));
        }
        else
        {
            logger.LogWarning("Redis at {Endpoints} cannot be reached: serving pages uncached from the database, and retrying in the background",
                string.Join(", ", options.EndPoints));
            outages.Reported();
        }
    }

    private async Task OnRestoredAsync()
    {
        if (outages.Restored())
        {
            logger.LogInformation("Redis answers again: caching resumes");
        }

        foreach (var restored in Restored?.GetInvocationList().Cast<Func<Task>>() ?? [])
        {
            try
            {
                await restored();
            }
            catch (Exception exception) when (SharedStore.IsRedisFailure(exception))
            {
                outages.Report(exception, "catching up after an outage");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _connection) is { } connection)
        {
            await connection.DisposeAsync();
        }
    }
}

/// <summary>
/// Says that Redis is gone at most once a minute, not once per request, and once when it is back.
/// </summary>
internal sealed class RedisOutages(TimeProvider clock, ILogger<RedisOutages> logger)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastReported;
    private bool _down;

    public void Report(Exception? exception, string what)
    {
        lock (_gate)
        {
            _down = true;
            var now = clock.GetUtcNow();
            if (_lastReported is { } last && now - last < Quiet)
            {
                return;
            }

            _lastReported = now;
        }

        logger.LogWarning(exception, "Redis is unreachable ({What}): pages are served uncached from the database and rate limits count per node until it answers",
            what);
    }

    /// <summary>The startup warning counts as this minute's report.</summary>
    public void Reported()
    {
        lock (_gate)
        {
            _down = true;
            _lastReported = clock.GetUtcNow();
        }
    }

    /// <summary>True the first time the connection comes back after an outage was reported.</summary>
    public bool Restored()
    {
        lock (_gate)
        {
            var wasDown = _down;
            _down = false;
            _lastReported = null;
            return wasDown;
        }
    }
}
