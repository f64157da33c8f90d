using Rsis.Portal.BrowserTests.Infrastructure;
using UglyToad.PdfPig;

namespace Rsis.Portal.BrowserTests.Publications;

/// <summary>Printing an article (Chromium's print to PDF on A4): the article alone, with where it came from.</summary>
public sealed class PrintTests(BrowserPortal portal) : BrowserTest(portal)
{
    private async Task<(int Pages, string Text)> PrintAsync(bool javaScriptEnabled)
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Desktop, javaScriptEnabled);
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        // An artefact for a reader of the run, beside the screenshots.
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", $"print-CO13046{(javaScriptEnabled ? "" : "-no-js")}.pdf"), pdf);
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(' ', document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
        return (document.NumberOfPages, text);
    }

    [Fact]
    public async Task CO13046_prints_on_at_most_three_a4_pages_with_its_text_and_without_the_site_around_it()
    {
        var (pages, text) = await PrintAsync(javaScriptEnabled: true);

        Assert.True(pages <= 3, $"CO13046 printed on {pages} A4 pages.");
        Assert.Contains("Cyber Talks", text, StringComparison.Ordinal);
        Assert.Contains("Raja Mohan", text, StringComparison.Ordinal);
        Assert.Contains("Downloaded from", text, StringComparison.Ordinal);
        // The browser wrote its today before this line runs: a run that crosses midnight finds yesterday there.
        var days = new[] { DateTime.Now, DateTime.Now.AddDays(-1) }
            .Select(day => "on " + day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(days.Any(day => text.Contains(day, StringComparison.Ordinal)), "The printout does not say which day it was downloaded on.");
        // The feedback widget, the cookie notice, the sharing block and the buttons are not on paper.
        Assert.DoesNotContain("Help us improve", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copy link", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Download PDF", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_screen_the_downloaded_from_note_is_not_shown()
    {
        var page = await OpenAsync(SeedFacts.ArticleUrl, Viewports.Desktop);

        await Expect(page.Locator(".print-note")).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".print-note")).ToBeVisibleAsync();
        await Expect(page.Locator(".print-note")).ToContainTextAsync("Downloaded from " + PortalServer.PublicBaseUrl + SeedFacts.ArticleUrl + " on ");
        await Expect(page.Locator(".feedback-launcher")).ToBeHiddenAsync();
        await Expect(page.Locator(".breadcrumbs")).ToBeHiddenAsync();
    }
}
