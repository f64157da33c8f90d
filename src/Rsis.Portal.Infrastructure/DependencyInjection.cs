using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Publications.AttachPublicationPdf;
using Rsis.Portal.Application.Publications.ExtractPdfText;
using Rsis.Portal.Application.Publications.GetPublicationPdf;
using Rsis.Portal.Application.Publications.GetSocialCard;
using Rsis.Portal.Application.Search;
using Rsis.Portal.Application.Site.SetPromoImage;
using Rsis.Portal.Infrastructure.Identity;
using Rsis.Portal.Infrastructure.Images;
using Rsis.Portal.Infrastructure.Pdf;
using Rsis.Portal.Infrastructure.Persistence;
using Rsis.Portal.Infrastructure.Search;
using Rsis.Portal.Infrastructure.Seeding;
using Rsis.Portal.Infrastructure.SocialCards;

namespace Rsis.Portal.Infrastructure;

public static class DependencyInjection
{
    public const string SqliteMigrationsAssembly = "Rsis.Portal.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Rsis.Portal.Migrations.SqlServer";

    /// <summary>
    /// The database on the configured provider, the seed and the clock. Queries load an article's few
    /// authors and categories in one round trip (single query), which beats split queries at this size.
    /// </summary>
    public static IServiceCollection AddPortalInfrastructure(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(configuration.GetConnectionString("Sqlite"), environment.ContentRootPath);
                var connectionSetup = new SqliteConnectionSetup(options.SqliteBusyTimeoutSeconds);
                // One open connection per request (scope), not one per query: a page runs about ten small
                // queries, and opening a pooled SQLite connection takes the pool's lock, registers EF's SQL
                // functions and sets the busy timeout every time. The container disposes it with the scope.
                services.AddScoped(_ => connectionSetup.Open(sqlite));
                // The options are built once, not per request (building them and finding EF's internal
                // services for a new options object cost more than most of a page's queries); each
                // request's context is then handed that request's connection. Registered before AddDbContext,
                // which keeps an existing registration of the context.
                services.AddScoped(provider =>
                {
                    var db = new PortalDbContext(provider.GetRequiredService<DbContextOptions<PortalDbContext>>());
                    db.Database.SetDbConnection(provider.GetRequiredService<SqliteConnection>());
                    return db;
                });
                services.AddDbContext<PortalDbContext>(
                    (provider, db) => db
                        .UseSqlite(sql => sql
                            .MigrationsAssembly(SqliteMigrationsAssembly)
                            .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                        .AddInterceptors(connectionSetup, provider.GetRequiredService<EditStamping>()),
                    optionsLifetime: ServiceLifetime.Singleton);
                services.AddSingleton<SearchSnapshots>();
                services.AddScoped<IPublicationSearch, SqlitePublicationSearch>();
                services.AddScoped<ISimilarPublications, SqliteSimilarPublications>();
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = configuration.GetConnectionString("SqlServer")
                    ?? throw new InvalidOperationException(
                        "Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set.");
                services.AddDbContext<PortalDbContext>(
                    (provider, db) => db
                        .UseSqlServer(sqlServer, sql => sql
                            .MigrationsAssembly(SqlServerMigrationsAssembly)
                            .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)
                            .EnableRetryOnFailure())
                        .AddInterceptors(provider.GetRequiredService<EditStamping>()),
                    optionsLifetime: ServiceLifetime.Singleton);
                services.AddScoped<IPublicationSearch, LikePublicationSearch>();
                services.AddSingleton<ISimilarPublications, NoSimilarPublications>();
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'.");
        }

        services.AddScoped<IPortalDbContext>(sp => sp.GetRequiredService<PortalDbContext>());
        services.AddSingleton(TimeProvider.System);
        // Singleton, as the context's options are: the current user it asks is read from the request each time.
        services.AddSingleton<EditStamping>();
        services.AddSingleton<SeedData>();
        services.AddScoped<PortalSeeder>();
        services.AddScoped<DatabaseStartup>();
        services.AddSingleton<IPublicationPdfRenderer, PublicationPdfRenderer>();
        services.AddSingleton<IUploadedPdfInspector, UploadedPdfInspector>();
        services.AddSingleton<IUploadedImageInspector, UploadedImageInspector>();
        services.AddSingleton<IPdfTextExtractor, PdfTextExtractor>();
        services.AddSingleton<ISocialCardRenderer, SocialCardRenderer>();
        services.AddSingleton(new SocialCardFolder(Path.GetFullPath(Path.Combine(
            environment.ContentRootPath, configuration["SocialCards:Directory"] ?? Path.Combine("App_Data", "cards")))));
        services.AddPortalIdentity(configuration, environment.ContentRootPath);
        return services;
    }

    /// <summary>
    /// Resolves a relative SQLite file against the content root (so <c>App_Data/</c> is next to the app,
    /// whatever the working directory) and creates its folder.
    /// </summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/rsis-portal.db");
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}
