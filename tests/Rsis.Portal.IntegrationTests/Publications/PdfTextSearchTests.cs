using System.Net;
using AngleSharp.Html.Dom;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Application.Publications.AttachPublicationPdf;
using Rsis.Portal.Application.Publications.ExtractPdfText;
using Rsis.Portal.Application.Search;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.Infrastructure.Pdf;
using Rsis.Portal.Infrastructure.Search;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>
/// The portal with the real PDF text reader behind a gate a test can close, to see an upload answer while its
/// text is still being read.
/// </summary>
public sealed class PdfTextPortal : StaffPortal
{
    private volatile TaskCompletionSource _reading = Open();

    /// <summary>From now on the background reader waits before reading a PDF, until <see cref="ResumeReading"/>.</summary>
    public void HoldReading() => _reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ResumeReading() => _reading.TrySetResult();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPdfTextExtractor>(new GatedExtractor(this, new PdfTextExtractor())));
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource();
        open.SetResult();
        return open;
    }

    private sealed class GatedExtractor(PdfTextPortal portal, IPdfTextExtractor extractor) : IPdfTextExtractor
    {
        public string? Extract(byte[] content)
        {
            portal._reading.Task.Wait(TestContext.Current.CancellationToken);
            return extractor.Extract(content);
        }
    }
}

public sealed class PdfTextSearchTests(PdfTextPortal portal) : IClassFixture<PdfTextPortal>
{
    [Fact]
    public async Task A_word_on_page_40_of_an_uploaded_report_finds_the_article_after_those_with_it_in_their_own_text()
    {
        const string word = "zephyrquill";
        var report = await portal.AddPublicationAsync(new TestPublication("CO19401", "Annual Report On Regional Cooperation"));
        // Older, so only its tier (the word in its title) puts it first.
        await portal.AddPublicationAsync(new TestPublication("CO19402", "Zephyrquill Explained", PublishedOn: new DateOnly(2010, 1, 4)));
        Assert.Single(await ResultsAsync(word));
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using (var uploaded = await staff.UploadPdfAsync(report, ReportPdfs.WithWordOnPage(45, 40, word), "annual-report.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var admin = await WaitForTextStatusAsync(staff, report, "extracted");
        Assert.Matches(@"Text found: [\d,]+ words, searchable\.", admin.QuerySelector("[data-text-status]")!.TextContent);
        var edit = await staff.GetPageAsync($"/admin/publications/{report}/edit");
        Assert.Contains("searchable", edit.QuerySelector("[data-text-status]")!.TextContent, StringComparison.Ordinal);

        // The search page cached before the upload is evicted once the text is read.
        var results = await ResultsAsync(word);
        Assert.Equal(2, results.Count);
        Assert.EndsWith(new TestPublication("CO19402", "Zephyrquill Explained").Slug, Link(results[0]), StringComparison.Ordinal);
        Assert.Null(results[0].QuerySelector(".search-result__where"));
        Assert.Equal(new TestPublication("CO19401", "Annual Report On Regional Cooperation").Url, Link(results[1]));
        Assert.Equal("Found in the PDF", results[1].QuerySelector(".search-result__where")!.TextContent.Trim());
        Assert.Contains(word, results[1].QuerySelectorAll(".search-result__passage mark").Select(m => m.TextContent.ToLowerInvariant()));
    }

    [Fact]
    public async Task A_scanned_pdf_uploads_at_once_and_the_admin_page_says_no_text_was_found_in_it()
    {
        var id = await portal.AddPublicationAsync(new TestPublication("CO19411", "A Scanned Lecture"));
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        // The limit is 20 MB (PublicationPdf.MaxUploadBytes); the scan is as large as fits under it.
        var scan = ReportPdfs.ScanWithoutText(19 * 1024 * 1024);
        Assert.InRange(scan.Length, 18 * 1024 * 1024, PublicationPdf.MaxUploadBytes);

        portal.HoldReading();
        try
        {
            // The upload answers while its text cannot have been read: it never waits for the reading.
            using (var uploaded = await staff.UploadPdfAsync(id, scan, "scanned-lecture.pdf"))
            {
                Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
            }

            var waiting = await staff.GetPageAsync($"/admin/publications/{id}/pdf");
            Assert.StartsWith("Reading the text…", waiting.QuerySelector("[data-text-status='pending']")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            portal.ResumeReading();
        }

        var admin = await WaitForTextStatusAsync(staff, id, "none");
        Assert.Equal(
            "No text found in the PDF — probably a scanned image; readers’ searches will not find words inside it.",
            admin.QuerySelector("[data-text-status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_replaced_pdf_is_found_by_its_new_words_only_and_a_removed_one_by_none()
    {
        const string old = "quorblant";
        const string replacement = "vexmarrow";
        var id = await portal.AddPublicationAsync(new TestPublication("CO19421", "Maritime Security Review"));
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using (var first = await staff.UploadPdfAsync(id, ReportPdfs.WithWordOnPage(3, 2, old), "review.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        await WaitForTextStatusAsync(staff, id, "extracted");
        Assert.Single(await ResultsAsync(old));

        using (var second = await staff.UploadPdfAsync(id, ReportPdfs.WithWordOnPage(3, 3, replacement), "review-final.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        await WaitForTextStatusAsync(staff, id, "extracted");
        Assert.Empty(await ResultsAsync(old));
        Assert.Single(await ResultsAsync(replacement));

        var page = await staff.GetPageAsync($"/admin/publications/{id}/pdf");
        var remove = FormFields.Of(page, $"form[action='/admin/publications/{id}/pdf/remove']");
        using (var removed = await staff.PostFormAsync($"/admin/publications/{id}/pdf/remove", remove))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.Empty(await ResultsAsync(replacement));
        Assert.Empty(await ResultsAsync(old));
    }

    private async Task<List<AngleSharp.Dom.IElement>> ResultsAsync(string q) =>
        (await portal.CreateReader().GetPageAsync("/search?q=" + Uri.EscapeDataString(q))).QuerySelectorAll(".publication-item").ToList();

    private static string Link(AngleSharp.Dom.IElement result) => result.QuerySelector("a.publication-title")!.GetAttribute("href")!;

    /// <summary>The PDF's admin page once it shows the text status <paramref name="status"/>, asked again until it does.</summary>
    internal static async Task<IHtmlDocument> WaitForTextStatusAsync(HttpClient staff, int id, string status)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var page = await staff.GetPageAsync($"/admin/publications/{id}/pdf");
            if (page.QuerySelector($"[data-text-status='{status}']") is not null)
            {
                return page;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The PDF's text status is still: {page.QuerySelector("[data-text-status]")?.TextContent}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }
    }
}

/// <summary>The portal with the search SQL Server uses (LIKE), to search the text of uploaded PDFs with it too.</summary>
public sealed class LikePdfTextPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPublicationSearch, LikePublicationSearch>());
    }
}

public sealed class LikePdfTextSearchTests(LikePdfTextPortal portal) : IClassFixture<LikePdfTextPortal>
{
    [Fact]
    public async Task The_like_search_finds_a_word_only_in_the_uploaded_pdf_and_says_so()
    {
        var id = await portal.AddPublicationAsync(new TestPublication("CO19431", "Energy Transition Workshop"));
        await portal.WithServiceAsync<ISender, bool>(async sender =>
            await sender.Send(new AttachPublicationPdf(id, "workshop.pdf", ReportPdfs.WithWordOnPage(5, 4, "glimmerwort")), TestContext.Current.CancellationToken));
        // The background reader may be at it already; reading here as well leaves nothing pending either way.
        await portal.WithServiceAsync<ISender, int>(async sender => await sender.Send(new ExtractPendingPdfText(), TestContext.Current.CancellationToken));

        var results = (await portal.CreateReader().GetPageAsync("/search?q=glimmerwort")).QuerySelectorAll(".publication-item");

        var result = Assert.Single(results);
        Assert.Equal(new TestPublication("CO19431", "Energy Transition Workshop").Url, result.QuerySelector("a.publication-title")!.GetAttribute("href"));
        Assert.Equal("Found in the PDF", result.QuerySelector(".search-result__where")!.TextContent.Trim());
        Assert.Contains("glimmerwort", result.QuerySelectorAll(".search-result__passage mark").Select(m => m.TextContent));
    }
}
