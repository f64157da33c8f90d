using Deque.AxeCore.Playwright;

namespace Rsis.Portal.BrowserTests.Infrastructure;

public static class Accessibility
{
    /// <summary>Runs axe-core on the page as it stands and fails on any serious or critical violation, listing each.</summary>
    public static async Task AssertNoSeriousAxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        // An axe that checked nothing would pass everything.
        Assert.NotEmpty(result.Passes);

        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var lesser in result.Violations.Except(blocking))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"axe, not failing: {lesser.Id} ({lesser.Impact}) at {string.Join(", ", lesser.Nodes.Select(n => n.Target?.ToString()))}");
        }

        var report = string.Join(Environment.NewLine, blocking.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help}{Environment.NewLine}    " +
            string.Join(Environment.NewLine + "    ", v.Nodes.Select(n => n.Target?.ToString()))));
        Assert.True(blocking.Count == 0, $"axe found {blocking.Count} serious or critical violation(s) on {page.Url}:{Environment.NewLine}{report}");
    }
}
