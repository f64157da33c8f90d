using System.Net;
using System.Net.Http.Headers;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Publications.AttachPublicationPdf;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;

namespace Rsis.Portal.IntegrationTests.Publications;

public sealed class PublicationPdfTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string PdfUrl = SeedFacts.ArticleUrl + ".pdf";

    private async Task<HttpResponseMessage> GetAsync(string url, Action<HttpRequestMessage>? configure = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(url, UriKind.Relative));
        configure?.Invoke(request);
        return await portal.CreateReader().SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Words(string text) => text.Squash();

    [Fact]
    public async Task The_typeset_pdf_of_the_commentary_holds_its_title_author_date_headings_and_text()
    {
        using var response = await GetAsync(PdfUrl);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("CO13046.pdf", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);

        using var pdf = PdfDocument.Open(bytes);
        var text = Words(string.Join(' ', pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))));
        Assert.True(pdf.NumberOfPages >= 1);
        Assert.Contains(Words(SeedFacts.Title), text, StringComparison.Ordinal);
        Assert.Contains(SeedFacts.Author, text, StringComparison.Ordinal);
        Assert.Contains(SeedFacts.Date, text, StringComparison.Ordinal);
        foreach (var heading in SeedFacts.Subheadings)
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        Assert.Contains(SeedFacts.SynopsisStart, text, StringComparison.Ordinal);
        Assert.Contains("could define the terms of the global debate on developing cyber norms.", text, StringComparison.Ordinal);
        Assert.Contains(SeedFacts.CommentaryStart, text, StringComparison.Ordinal);
        Assert.Contains(SeedFacts.CommentaryEnd, text, StringComparison.Ordinal);
        Assert.Contains(SeedFacts.Title, pdf.Information.Title, StringComparison.Ordinal);
        Assert.Equal(SeedFacts.Author, pdf.Information.Author);
    }

    [Fact]
    public async Task The_pdf_answers_304_to_its_etag_and_206_to_a_byte_range()
    {
        using var first = await GetAsync(PdfUrl);
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);

        using var notModified = await GetAsync(PdfUrl, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var range = await GetAsync(PdfUrl, r => r.Headers.Range = new RangeHeaderValue(0, 99));
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        var part = await range.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(100, part.Length);
        Assert.Equal("%PDF-"u8.ToArray(), part[..5]);
    }

    [Fact]
    public async Task A_range_beyond_the_end_is_416_not_an_error()
    {
        using var response = await GetAsync(PdfUrl, r => r.Headers.TryAddWithoutValidation("Range", "bytes=999999999-"));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
    }

    [Fact]
    public async Task A_head_request_answers_with_the_headers_and_no_body()
    {
        using var response = await GetAsync(PdfUrl, method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_inline_variant_opens_in_the_browser_and_the_pdf_path_variant_downloads_too()
    {
        using var inline = await GetAsync(PdfUrl + "?inline=true");
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition!.DispositionType);

        using var slashPdf = await GetAsync(SeedFacts.ArticleUrl + "/pdf");
        Assert.Equal(HttpStatusCode.OK, slashPdf.StatusCode);
        Assert.Equal("attachment", slashPdf.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Theory]
    [InlineData("/publications/rsis-commentary-series/co13046.pdf")]
    [InlineData("/publications/books/co13046-us-china-cyber-talks-internet-security-in-the-global-economy.pdf")]
    public async Task The_pdf_by_code_or_under_another_series_redirects_to_its_permanent_address(string url)
    {
        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(PdfUrl, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/publications/rsis-commentary-series/co99999.pdf")]
    [InlineData("/publications/rsis-commentary-series/..%2f..%2fetc%2fpasswd.pdf")]
    [InlineData("/publications/rsis-commentary-series/../../etc/passwd.pdf")]
    [InlineData("/publications/no-such-series/nothing.pdf")]
    public async Task Unknown_pdfs_are_404(string url)
    {
        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_five_thousand_character_code_is_404()
    {
        using var response = await GetAsync("/publications/rsis-commentary-series/" + new string('c', 5000) + ".pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>Changes publications and their files, so it has a database of its own.</summary>
public sealed class PublicationPdfChangesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] UploadedPdf = TinyPdf.Create();

    [Fact]
    public async Task An_attached_upload_is_served_instead_of_the_typeset_pdf_at_once()
    {
        // Read (and so cache) the typeset PDF first: attaching must evict it.
        using var typeset = await portal.CreateReader().GetAsync(new Uri(SeedFacts.ArticleUrl + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.NotEqual(UploadedPdf, await typeset.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var id = await portal.WithDatabaseAsync(db => db.Publications.Where(p => p.Code == "CO13046").Select(p => p.Id).SingleAsync());
        var attached = await portal.WithServiceAsync<ISender, bool>(async sender =>
            await sender.Send(new AttachPublicationPdf(id, "final-version.pdf", UploadedPdf), TestContext.Current.CancellationToken));
        Assert.True(attached);

        using var response = await portal.CreateReader().GetAsync(new Uri(SeedFacts.ArticleUrl + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(UploadedPdf, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("CO13046.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
    }

    [Fact]
    public async Task A_pdf_attached_by_the_portal_itself_is_audited_and_stored_as_by_the_system()
    {
        // No request behind the command, so no member of staff: the audit log says the portal did it.
        var id = await portal.AddPublicationAsync(new TestPublication("CO19301", "Attached By The Portal"));
        Assert.True(await portal.WithServiceAsync<ISender, bool>(async sender =>
            await sender.Send(new AttachPublicationPdf(id, "imported.pdf", UploadedPdf), TestContext.Current.CancellationToken)));

        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await portal.WithDatabaseAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Publication) && e.EntityId == entityId).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal("system", audit[^1].ChangedBy);
        Assert.Equal("system", await portal.WithDatabaseAsync(db => db.PublicationPdfs.Where(f => f.PublicationId == id).Select(f => f.CreatedBy).SingleAsync()));
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_cannot_be_attached()
    {
        var id = await portal.WithDatabaseAsync(db => db.Publications.Where(p => p.Code == "CO13046").Select(p => p.Id).SingleAsync());

        var exception = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => portal.WithServiceAsync<ISender, bool>(async sender =>
            await sender.Send(new AttachPublicationPdf(id, "evil.pdf", "<html><script>alert(1)</script></html>"u8.ToArray()), TestContext.Current.CancellationToken)));

        Assert.Contains(exception.Errors, e => e.ErrorMessage.Contains("not a PDF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draft_has_no_public_pdf()
    {
        var draftUrl = await portal.WithDatabaseAsync(async db =>
        {
            var series = await db.Series.SingleAsync(s => s.Slug == "rsis-commentary-series");
            db.Publications.Add(new Publication
            {
                Series = series,
                Code = "CO99001",
                Title = "Draft in progress",
                Slug = "co99001-draft-in-progress",
                PublishedOn = new DateOnly(2026, 11, 1),
                Status = PublicationStatus.Draft,
                Synopsis = "Not yet.",
                Body = "Not yet.",
            });
            await db.SaveChangesAsync();
            return "/publications/rsis-commentary-series/co99001-draft-in-progress";
        });

        var client = portal.CreateReader();
        using var pdf = await client.GetAsync(new Uri(draftUrl + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        using var page = await client.GetAsync(new Uri(draftUrl, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}

/// <summary>Staff edit a publication's text and readers get the PDF of the new text: staff at work, so a database of its own.</summary>
public sealed class TypesetPdfEditTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private sealed record PdfAnswer(HttpStatusCode Status, EntityTagHeaderValue? ETag, string Text);

    /// <summary>A GET of the PDF, optionally conditional; the text is the PDF's words as PdfPig reads them.</summary>
    private static async Task<PdfAnswer> GetPdfAsync(HttpClient reader, string url, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        using var response = await reader.SendAsync(request, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        if (bytes.Length == 0)
        {
            return new PdfAnswer(response.StatusCode, response.Headers.ETag, "");
        }

        using var pdf = PdfDocument.Open(bytes);
        var words = string.Join(' ', pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
        return new PdfAnswer(response.StatusCode, response.Headers.ETag, words.Squash());
    }

    [Fact]
    public async Task Editing_the_text_changes_the_typeset_pdf_and_its_etag_and_the_old_etag_gets_the_new_pdf()
    {
        var (staff, _) = await portal.SignedInAsync(Rsis.Portal.Application.Common.Security.StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Undersea Cables and Regional Security", status: "Published",
            body: "Submarine cables carry most of the data traffic of the region.");
        var pdfUrl = await staff.PublicAddressAsync(id) + ".pdf";
        var reader = portal.CreateReader();
        var first = await GetPdfAsync(reader, pdfUrl);
        Assert.Equal(HttpStatusCode.NotModified, (await GetPdfAsync(reader, pdfUrl, first.ETag)).Status);

        using (var saved = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Body", "Repair ships are too few for the cables of the region.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var withOldTag = await GetPdfAsync(reader, pdfUrl, first.ETag);
        var withNewTag = await GetPdfAsync(reader, pdfUrl, withOldTag.ETag);

        Assert.Contains("Submarine cables carry most of the data traffic of the region.", first.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withOldTag.Status);
        Assert.Contains("Repair ships are too few for the cables of the region.", withOldTag.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Submarine cables", withOldTag.Text, StringComparison.Ordinal);
        Assert.NotNull(withOldTag.ETag);
        Assert.NotEqual(first.ETag, withOldTag.ETag);
        Assert.Equal(HttpStatusCode.NotModified, withNewTag.Status);
    }
}
