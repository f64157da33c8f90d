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
