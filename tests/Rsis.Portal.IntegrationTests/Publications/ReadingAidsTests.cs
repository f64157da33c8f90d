using System.Globalization;
using AngleSharp.Html.Dom;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>
/// What a reader sees before committing to an article: how big its PDF is ("Download PDF, 77 KB"), how long it
/// takes to read, and, once it has been corrected, when it was last updated.
/// </summary>
public sealed class ReadingAidsTests(FakeClockPortal portal) : IClassFixture<FakeClockPortal>
{
    /// <summary>16:30 UTC on 3 December is already 4 December in Singapore, the site's time zone.</summary>
    private static readonly DateTimeOffset LateOnTheThird = new(2026, 12, 3, 16, 30, 0, TimeSpan.Zero);

    private async Task<(HttpClient Staff, int Id, string Address)> PublishedAsync(string title, string body)
    {
        if (portal.Clock.GetUtcNow() < LateOnTheThird)
        {
            portal.Clock.SetUtcNow(LateOnTheThird);
        }

        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync(title + " " + Guid.NewGuid().ToString("N")[..6], status: "Published", body: body);
        return (staff, id, await staff.PublicAddressAsync(id));
    }

    private static string DateLine(IHtmlDocument page) => page.QuerySelector(".article-header .article-date")!.TextContent.Squash();

    private static string PdfLink(IHtmlDocument page) => page.QuerySelector(".article-header a.pdf-link")!.TextContent.Squash();

    private static string Kilobytes(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(bytes / 1024.0, MidpointRounding.AwayFromZero):0} KB");

    [Fact]
    public async Task The_seeded_commentarys_pdf_link_gives_the_size_of_the_pdf_a_reader_downloads()
    {
        var reader = portal.CreateReader();

        var page = await reader.GetPageAsync(SeedFacts.ArticleUrl);
        var pdf = await reader.GetByteArrayAsync(new Uri(SeedFacts.ArticleUrl + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.InRange(pdf.Length, 10 * 1024, 1024 * 1000);
        Assert.Equal($"Download PDF of {SeedFacts.Code}, {Kilobytes(pdf.Length)}", PdfLink(page));
    }

    [Fact]
    public async Task An_uploaded_pdf_replaces_the_typeset_ones_size_on_the_article()
    {
        var (staff, id, address) = await PublishedAsync("Port Cities of the Malacca Strait", "A short article.");
        var reader = portal.CreateReader();
        // A real file of a different size from this article's own: the seeded commentary's typeset PDF.
        var upload = await reader.GetByteArrayAsync(new Uri(SeedFacts.ArticleUrl + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        var typeset = await reader.GetByteArrayAsync(new Uri(address + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        var before = PdfLink(await reader.GetPageAsync(address));

        using var uploaded = await staff.UploadPdfAsync(id, upload, "report.pdf");
        var after = PdfLink(await reader.GetPageAsync(address));

        Assert.NotEqual(Kilobytes(typeset.Length), Kilobytes(upload.Length));
        Assert.EndsWith(", " + Kilobytes(typeset.Length), before, StringComparison.Ordinal);
        Assert.EndsWith(", " + Kilobytes(upload.Length), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reading_time_beside_the_date_grows_with_the_article_a_minute_for_every_230_words()
    {
        // The synopsis counts too: "A synopsis of" and the title, five words.
        var (_, _, shortAddress) = await PublishedAsync("Brief", "Ninety seconds of reading at most.");
        var (_, _, longAddress) = await PublishedAsync("Long", string.Join(' ', Enumerable.Repeat("maritime", 1000)));
        var reader = portal.CreateReader();

        var shortLine = DateLine(await reader.GetPageAsync(shortAddress));
        var longLine = DateLine(await reader.GetPageAsync(longAddress));

        Assert.Equal("20 November 2026 · 1 min read", shortLine);
        // 1,005 words: 4.4 minutes at 230 a minute, which a reader is told as 5.
        Assert.Equal("20 November 2026 · 5 min read", longLine);
    }

    [Fact]
    public async Task A_corrected_article_says_when_it_was_updated_in_the_site_time_zone_and_an_uncorrected_one_does_not()
    {
        var (staff, id, address) = await PublishedAsync("Talks in the Straits", "The ministry announced the talks.");
        var reader = portal.CreateReader();
        var before = DateLine(await reader.GetPageAsync(address));

        using var fix = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Body", "The ministry announced talks."));
        var afterFix = DateLine(await reader.GetPageAsync(address));
        using var corrected = await staff.SaveAsync(id, (await staff.EditFormAsync(id))
            .Set("Body", "The foreign ministry announced the talks.")
            .Set("CorrectionNote", "An earlier version named the wrong ministry."));
        var page = await reader.GetPageAsync(address);

        Assert.DoesNotContain("Updated", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Updated", afterFix, StringComparison.Ordinal);
        Assert.Equal("20 November 2026 · Updated 4 December 2026 · 1 min read", DateLine(page));
        Assert.Equal("2026-12-04", page.QuerySelectorAll(".article-date time")[1].GetAttribute("datetime"));
    }
}
