using Rsis.Portal.Application.Common.Security;

namespace Rsis.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Base of the browser tests: every page opened comes from a browser context of its own (cookies isolated),
/// closed when the test ends. A failing test leaves a screenshot of its last page (screenshots/failed-*.png).
/// </summary>
public abstract class BrowserTest(BrowserPortal portal) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];
    private IPage? _lastPage;

    /// <summary>Opens <paramref name="path"/> in a new context, as a first-time visitor would.</summary>
    protected async Task<IPage> OpenAsync(string path, ViewportSize viewport, bool javaScriptEnabled = true)
    {
        var context = await portal.NewContextAsync(viewport, javaScriptEnabled);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        _lastPage = page;
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status}.");
        return page;
    }

    /// <summary>
    /// Signs a new member of staff of <paramref name="role"/> in through the login form, as they would, and
    /// returns the page on the dashboard.
    /// </summary>
    protected async Task<IPage> SignInAsync(ViewportSize viewport, bool javaScriptEnabled = true, string role = StaffRoles.Editor)
    {
        var (email, password) = await portal.CreateStaffAsync(role);
        var page = await OpenAsync("/admin/login", viewport, javaScriptEnabled);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_lastPage is not null && TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            try
            {
                await Screenshots.SaveAsync(_lastPage, "failed-" + (TestContext.Current.Test?.TestDisplayName ?? "unknown"));
            }
            catch (PlaywrightException)
            {
                // A crashed or closed page has nothing to show; the test's own failure is the message that matters.
            }
        }

        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }
}
