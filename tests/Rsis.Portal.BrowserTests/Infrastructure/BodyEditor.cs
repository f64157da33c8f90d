namespace Rsis.Portal.BrowserTests.Infrastructure;

/// <summary>The Markdown body of the publication form, typed as staff type it.</summary>
public static class BodyEditor
{
    /// <summary>
    /// Types the body and waits until its live preview shows the first line, as a person would see it before
    /// going on: the preview grows the form as it draws, and a click aimed at the button below it while it draws
    /// can land on the preview instead.
    /// </summary>
    public static async Task FillBodyAsync(this IPage page, string markdown)
    {
        await page.GetByLabel("Text (Markdown)").FillAsync(markdown);
        var firstLine = markdown.Split('\n')[0].TrimStart('#', ' ');
        await Expect(page.Locator("#body-preview")).ToContainTextAsync(firstLine);
    }
}
