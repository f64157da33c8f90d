using System.Net;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>Uploading a publication's PDF in the staff area: checked by content and size, served to readers at once.</summary>
public sealed class PublicationPdfUploadTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private async Task<(HttpClient Staff, int Id, string Address)> PublishedAsync(string title)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync(title, status: "Published");
        return (staff, id, await staff.PublicAddressAsync(id));
    }

    [Fact]
    public async Task A_real_pdf_is_served_on_the_article_at_once_and_removing_it_brings_back_the_typeset_one()
    {
        var (staff, id, address) = await PublishedAsync("Nuclear Energy Debates in ASEAN");
        var reader = portal.CreateReader();
        var typeset = await reader.GetByteArrayAsync(new Uri(address + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        var typesetLink = await PdfLinkAsync(reader, address);
        var upload = TinyPdf.Create();

        using var response = await staff.UploadPdfAsync(id, upload, "final version.pdf");
        var served = await reader.GetByteArrayAsync(new Uri(address + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        var pdfPage = await staff.GetPageAsync(response.Location());

        Assert.Equal($"/admin/publications/{id}/pdf?saved=uploaded", response.Location());
        Assert.Equal(upload, served);
        // The article's link gives the size of what it now downloads, not of the typeset copy read before.
        Assert.NotEqual(typesetLink, await PdfLinkAsync(reader, address));
        Assert.Contains("final version.pdf", pdfPage.Body!.TextContent, StringComparison.Ordinal);

        using var removed = await staff.PostFormAsync($"/admin/publications/{id}/pdf/remove", FormFields.Of(pdfPage, $"form[action='/admin/publications/{id}/pdf/remove']"));
        var afterRemoval = await reader.GetByteArrayAsync(new Uri(address + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal($"/admin/publications/{id}/pdf?saved=removed", removed.Location());
        Assert.Equal(typeset.Length, afterRemoval.Length);
        Assert.NotEqual(upload, afterRemoval);
        Assert.Equal(typesetLink, await PdfLinkAsync(reader, address));
    }

    private static async Task<string> PdfLinkAsync(HttpClient reader, string address) =>
        (await reader.GetPageAsync(address)).QuerySelector(".article-header a.pdf-link")!.TextContent.Squash();

    [Fact]
    public async Task An_uploaded_pdf_shows_its_size_in_kilobytes_with_the_exact_bytes_on_its_page()
    {
        var (staff, id, address) = await PublishedAsync("Submarine Cables in Southeast Asia");
        // The site's own typeset PDF: a real file of some kilobytes, where "0.0 MB" was shown.
        var upload = await portal.CreateReader().GetByteArrayAsync(new Uri(address + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        var kilobytes = (int)Math.Round(upload.Length / 1024.0, MidpointRounding.AwayFromZero);
        Assert.InRange(upload.Length, 2048, 1024 * 1000);

        using var response = await staff.UploadPdfAsync(id, upload, "typeset.pdf");
        var pdfPage = (await staff.GetPageAsync($"/admin/publications/{id}/pdf")).Body!.TextContent.Squash();
        var editPage = (await staff.GetPageAsync($"/admin/publications/{id}/edit")).QuerySelector(".admin-editor__aside")!.TextContent.Squash();

        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"typeset.pdf, {kilobytes} KB ({upload.Length:N0} bytes)"), pdfPage, StringComparison.Ordinal);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Uploaded: typeset.pdf ({kilobytes} KB)"), editPage, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0 MB", editPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_named_pdf_is_refused_with_a_message_beside_the_file_field()
    {
        var (staff, id, address) = await PublishedAsync("Disinformation and Elections");

        using var response = await staff.UploadPdfAsync(id, "<html><script>alert(1)</script></html>"u8.ToArray(), "report.pdf");
        var page = await response.ReadPageAsync();
        var served = await portal.CreateReader().GetByteArrayAsync(new Uri(address + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This file is not a PDF: its content does not start as a PDF does.", page.QuerySelector("#error-File")!.TextContent.Trim());
        Assert.Equal("%PDF-"u8.ToArray(), served[..5]);
    }

    [Fact]
    public async Task A_25_MB_pdf_is_refused_with_a_message_not_an_error_page()
    {
        var (staff, id, _) = await PublishedAsync("Large Annex on Defence Budgets");
        var large = new byte[25 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(large);

        using var response = await staff.UploadPdfAsync(id, large, "annex.pdf");
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The PDF is larger than 20 MB.", page.QuerySelector("#error-File")!.TextContent.Trim());
        Assert.Contains("Typeset from the text", (await staff.GetPageAsync($"/admin/publications/{id}/edit")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_without_a_file_asks_for_one()
    {
        var (staff, id, _) = await PublishedAsync("Empty Upload Attempt");
        var page = await staff.GetPageAsync($"/admin/publications/{id}/pdf");

        using var response = await staff.PostFormAsync($"/admin/publications/{id}/pdf", FormFields.Of(page, $"form[action='/admin/publications/{id}/pdf']"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Choose a PDF file to upload.", (await response.ReadPageAsync()).QuerySelector("#error-File")!.TextContent.Trim());
    }
}
