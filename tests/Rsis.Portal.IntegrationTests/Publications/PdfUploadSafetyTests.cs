using System.Net;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;
using static Rsis.Portal.IntegrationTests.Infrastructure.HandMadePdf;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>
/// An uploaded PDF is served to every reader as the publication, so it must open as a PDF with a page and run
/// nothing when opened or clicked; and a PDF opened in the browser is sandboxed.
/// </summary>
public sealed class PdfUploadSafetyTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string Script = "<< /Type /Action /S /JavaScript /JS (app.alert\\('uploaded'\\)) >>";

    /// <summary>Each hostile file, and the words the refusal beside the file field must contain.</summary>
    private static readonly Dictionary<string, (byte[] File, string Refusal)> Refused = new()
    {
        ["an HTML page after a PDF header"] = ("%PDF-1.4\n<html><script>alert(1)</script>\n%%EOF"u8.ToArray(), "cannot be read"),
        ["a PDF without pages"] = (Create(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]), "no pages"),
        ["JavaScript run on opening"] = (Create([.. OnePage(catalog: "/OpenAction 4 0 R"), Script]), "JavaScript"),
        ["JavaScript in the names tree"] = (Create([.. OnePage(catalog: "/Names << /JavaScript 4 0 R >>"), "<< /Names [(run) 5 0 R] >>", Script]), "JavaScript"),
        ["a launch action on a link"] = (Create([.. OnePage(page: "/Annots [4 0 R]"),
            "<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /A << /S /Launch /F (calc.exe) >> >>"]), "launch action"),
        ["JavaScript when the page opens"] = (Create(OnePage(page: $"/AA << /O {Script} >>")), "JavaScript"),
        ["JavaScript with escaped names"] = (Create(OnePage(catalog: "/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>")), "JavaScript"),
        ["JavaScript in a compressed object stream"] = (Create([.. OnePage(catalog: "/OpenAction 4 0 R"), Script], packed: [4]), "JavaScript"),
        ["the names tree in a compressed object stream"] = (Create(
            [.. OnePage(catalog: "/Names 4 0 R"), "<< /J#61vaScript 5 0 R >>", "<< /Names [(run) 6 0 R] >>", Script], packed: [2, 3, 4, 5, 6]), "JavaScript"),
        ["JavaScript in an object the table leaves out"] = (Create([.. OnePage(), Script], unlisted: [4]), "JavaScript"),
        ["an XFA form"] = (Create(OnePage(catalog: "/AcroForm << /Fields [] /XFA [] >>")), "XFA form"),
    };

    public static TheoryData<string> RefusedFiles => [.. Refused.Keys];

    private async Task<(HttpClient Staff, int Id, string Address)> PublishedAsync(string title)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync(title, status: "Published");
        return (staff, id, await staff.PublicAddressAsync(id));
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_file_that_does_not_open_as_a_pdf_or_runs_code_is_refused_beside_the_file_field(string file)
    {
        var (content, refusal) = Refused[file];
        var (staff, id, address) = await PublishedAsync("Upload Check " + file);

        using var response = await staff.UploadPdfAsync(id, content, "upload.pdf");
        var page = await response.ReadPageAsync();
        var served = await portal.CreateReader().GetByteArrayAsync(new Uri(address + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(refusal, page.QuerySelector("#error-File")?.TextContent, StringComparison.Ordinal);
        // Readers still get the typeset PDF, not the upload.
        Assert.NotEqual(content, served);
        Assert.Contains("Typeset from the text", (await staff.GetPageAsync($"/admin/publications/{id}/edit")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_packed_in_compressed_object_streams_without_scripts_is_accepted()
    {
        var (staff, id, address) = await PublishedAsync("Upload Check Compressed");
        var content = Create(OnePage(catalog: "/PageMode /UseNone"), packed: [2, 3]);

        using var response = await staff.UploadPdfAsync(id, content, "compressed.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(content, await portal.CreateReader().GetByteArrayAsync(new Uri(address + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_portals_own_typeset_pdf_uploaded_again_is_accepted()
    {
        var typeset = await portal.CreateReader().GetByteArrayAsync(new Uri(SeedFacts.ArticleUrl + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        var (staff, id, address) = await PublishedAsync("Upload Check Typeset");

        using var response = await staff.UploadPdfAsync(id, typeset, "CO13046.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(typeset, await portal.CreateReader().GetByteArrayAsync(new Uri(address + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_pdf_opened_in_the_browser_is_sandboxed()
    {
        var (staff, id, address) = await PublishedAsync("Upload Check Inline");
        using (var upload = await staff.UploadPdfAsync(id, TinyPdf.Create(), "inline.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        foreach (var url in new[] { address + ".pdf?inline=true", address + "/pdf?inline=true", SeedFacts.ArticleUrl + ".pdf?inline=true" })
        {
            // Twice: the second answer comes from the output cache.
            for (var i = 0; i < 2; i++)
            {
                using var response = await portal.CreateReader().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
                var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
                Assert.Contains("sandbox", policy.Split(';', StringSplitOptions.TrimEntries));
            }
        }
    }
}
