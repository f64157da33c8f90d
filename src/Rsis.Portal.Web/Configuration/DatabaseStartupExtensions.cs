namespace Rsis.Portal.Web.Configuration;

public static class DatabaseStartupExtensions
{
    /// <summary>
    /// The named startup step: migrate and seed before the first request, unless
    /// <c>Database:MigrateOnStartup</c> is false (then a release job runs the migrations).
    /// </summary>
    public static async Task MigrateAndSeedDatabaseAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().RunAsync(app.Lifetime.ApplicationStopping);
    }
}
