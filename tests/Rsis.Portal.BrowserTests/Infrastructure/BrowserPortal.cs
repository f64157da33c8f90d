using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.BrowserTests.Infrastructure;

[assembly: AssemblyFixture(typeof(BrowserPortal))]
// One Chromium on two cores: tests run one at a time, so hover timers and focus are never starved by a neighbour.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace Rsis.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Shared by every test: the portal on real Kestrel, and Debian's Chromium driven by Playwright.
/// Chromium starts on first use, so the tests that only speak HTTP run without it.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly PortalServer _server = new();
    private readonly SemaphoreSlim _launching = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The portal's root on the real port, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Address = _server.Start();
        Screenshots.Clear();
        // Two cores run the server and the browser; give auto-waiting assertions room beyond the 5 s default.
        SetDefaultExpectTimeout(10_000);
        return ValueTask.CompletedTask;
    }

    /// <summary>A new staff account in <paramref name="role"/> on the running portal, with a password of its own.</summary>
    public async Task<(string Email, string Password)> CreateStaffAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var password = "browser test passphrase " + Guid.NewGuid().ToString("N")[..8];
        await using var scope = _server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Rsis.Portal.Infrastructure.Identity.StaffAccounts>().CreateOrResetAsync(email, role, password);
        return (email, password);
    }

    /// <summary>Stores feedback entries straight in the running portal's database, as if readers had sent them.</summary>
    public async Task AddFeedbackAsync(IEnumerable<Rsis.Portal.Domain.Feedback.FeedbackEntry> entries)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Rsis.Portal.Infrastructure.Persistence.PortalDbContext>();
        db.Feedback.AddRange(entries);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Adds a published Working Paper with no author or category straight in the database; answers its address.</summary>
    public async Task<string> AddWorkingPaperAsync(string code, string title)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Rsis.Portal.Infrastructure.Persistence.PortalDbContext>();
        var series = await db.Series.SingleAsync(s => s.Slug == "working-papers", TestContext.Current.CancellationToken);
        var slug = Rsis.Portal.Application.Common.Text.Slug.From($"{code} {title}");
        var publication = new Rsis.Portal.Domain.Publications.Publication
        {
            Series = series,
            Code = code,
            Title = title,
            Slug = slug,
            PublishedOn = new DateOnly(2013, 4, 2),
            Status = Rsis.Portal.Domain.Publications.PublicationStatus.Published,
            Synopsis = "A synopsis.",
            Body = "Text.",
            CreatedAtUtc = DateTime.UtcNow,
            UpdatedAtUtc = DateTime.UtcNow,
        };
        db.Publications.Add(publication);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        // As a staff save does: the pages that list it (the series, the article's related reading) are drawn anew.
        await scope.ServiceProvider.GetRequiredService<Rsis.Portal.Application.Common.Caching.IPublicPageCache>()
            .EvictAsync(Rsis.Portal.Application.Common.Caching.CacheTags.Site, TestContext.Current.CancellationToken);
        return $"/publications/{series.Slug}/{slug}";
    }

    /// <summary>A fresh browser context (own cookies and storage) with the portal as its base URL.</summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize viewport, bool javaScriptEnabled = true)
    {
        RequireChromium();
        var browser = await LaunchOnceAsync();
        return await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = viewport,
            JavaScriptEnabled = javaScriptEnabled,
        });
    }

    /// <summary>Skips the calling test when Chromium is missing, or fails it under CI=true.</summary>
    private static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        var reason = $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium); this test drives a real browser.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " CI=true, so a missing browser fails instead of skipping.");
        }

        Assert.Skip(reason);
    }

    private async Task<IBrowser> LaunchOnceAsync()
    {
        await _launching.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            // ExecutablePath points at the system browser, so Playwright never looks for (or downloads) its own.
            _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Args = ChromiumArgs,
                Headless = true,
            });
            return _browser;
        }
        finally
        {
            _launching.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _launching.Dispose();
        await _server.DisposeAsync();
    }
}
