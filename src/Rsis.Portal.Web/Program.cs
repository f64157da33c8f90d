var builder = WebApplication.CreateBuilder(PortalCommand.HostArguments(args));
if (PortalCommand.Backup.IsAsked(args))
{
    return await DatabaseBackupCommand.RunAsync(builder, args);
}

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    // Room for a 10,000-character search, percent-encoded, so it gets the search page (which says it was
    // shortened) rather than a bare 414 from Kestrel's 8 KB default.
    kestrel.Limits.MaxRequestLineSize = 128 * 1024;
});
builder.Services.AddPortalLogging(builder.Configuration, builder.Environment);
builder.Services
    .AddPortalApplication()
    .AddPortalInfrastructure(builder.Configuration, builder.Environment)
    .AddPortalMediator()
    .AddPortalOutputCache(builder.Configuration)
    .AddPortalResponseCompression()
    .AddPortalSharedStore(builder.Configuration)
    .AddPortalRateLimiting(builder.Configuration)
    .AddPortalForwardedHeaders(builder.Configuration)
    .AddAdminArea(builder.Configuration)
    .AddPreviewLinks(builder.Configuration)
    .AddHarvesting(builder.Configuration)
    .AddEmailSubscriptions(builder.Configuration, builder.Environment)
    .AddPortalAntiforgery();
builder.Services.AddOptions<SiteOptions>()
    .Bind(builder.Configuration.GetSection(SiteOptions.SectionName))
    .Validate(site => SiteTime.IsKnownZone(site.TimeZone), "Site:TimeZone must name a time zone this machine knows, such as Asia/Singapore.")
    .ValidateOnStart();
// Outside Development: the one host answered, and a start without it stops naming Site:PublicBaseUrl.
builder.Services.AddPinnedHost(builder.Environment);
builder.Services.AddSingleton<SiteTime>();
builder.Services.AddSingleton<Rsis.Portal.Application.Common.Interfaces.ISiteZone>(sp => sp.GetRequiredService<SiteTime>());
builder.Services.AddPortalHealthChecks();
builder.Services.AddSingleton<Rsis.Portal.Application.Common.Interfaces.IReservedAddresses, RoutedAddresses>();
builder.Services.AddControllersWithViews(mvc =>
{
    mvc.Filters.Add<UnreadableFormFilter>(UnreadableFormFilter.FilterOrder);
    mvc.Filters.Add<ValidationFilter>();
    mvc.Conventions.Add(new HeadRequestsConvention());
    // Forms bind their fields records as they are; the validators say what may be empty.
    mvc.ModelMetadataDetailsProviders.Add(new TextAsTyped());
    mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
});

var app = builder.Build();

await app.MigrateAndSeedDatabaseAsync();

if (PortalCommand.CreateAdmin.IsAsked(args))
{
    return await app.RunCommandAsync(args);
}

await app.PrepareStaffAccountsAsync();

// First, so that everything after it (HSTS, cookies, rate limits, logging, links) sees the reader, not the proxy.
app.UsePortalForwardedHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/error",
        StatusCodeSelector = ErrorStatus.For,
    });
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UsePinnedHost();
app.UseSecurityHeaders();
app.UseAdminNoStore();
app.UsePortalRequestLogging();
// Inside the request logging, so a reader who left is logged at Information, not as a server error.
app.UseCancelledRequests();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
// On unless Caching:OutputCache is false (the benchmarks measure pages without it).
if (app.Configuration.GetValue("Caching:OutputCache", true))
{
    app.UseOutputCache();
}

// Inside the output cache, which so keeps the compressed bytes (one copy per encoding) and sends them on each hit.
app.UseResponseCompression();

app.MapPortalHealthChecks();
app.MapStaticAssets();
app.MapControllers().WithStaticAssets();

await app.RunAsync();
return 0;
