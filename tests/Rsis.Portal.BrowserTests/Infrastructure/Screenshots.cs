namespace Rsis.Portal.BrowserTests.Infrastructure;

/// <summary>Full-page screenshots kept as artefacts of the run (bin/.../screenshots/), never compared.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Empties the folder, so it holds only the screenshots of the current run.</summary>
    public static void Clear()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var fileName = string.Concat(name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) || c == '"' ? '_' : c)) + ".png";
        var path = Path.Combine(Folder, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
        return path;
    }
}
