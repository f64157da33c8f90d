using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Redirects;

/// <summary>
/// Staff upload a CSV of old,new pairs at /admin/redirects/import: every row is checked, and a file with any
/// refused row imports nothing and says which rows and why; a file that cannot be read says so, never a 500.
/// </summary>
public sealed class RedirectImportTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    [Fact]
    public async Task A_good_file_with_a_bom_quotes_blank_lines_a_header_and_repeated_rows_imports_every_redirect()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var csv = "old,new\r\n/old-site/good/a.php,/publications\r\n\r\n\"/old-site/good/b,comma.php\",\"/search\"\r\n"
            + "/old-site/good/a.php,/publications\r\n\"/old-site/good/c\"\"q\"\"\",https://www.example.org/c\r\n";

        using var response = await UploadAsync(staff, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        var page = await response.ReadPageAsync();
        using var moved = await portal.CreateReader().GetAsync(new Uri("/old-site/good/b,comma.php", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("3 redirects were added", page.QuerySelector("#import-done")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/search", moved.Location());
        Assert.True(await portal.WithDatabaseAsync(db => db.Redirects.AnyAsync(r => r.OldPath == "/old-site/good/c\"q\"" && r.Target == "https://www.example.org/c")));
    }

    [Fact]
    public async Task A_file_with_refused_rows_imports_nothing_and_reports_each_row_with_its_reason()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var csv = string.Join("\n",
            "/old-site/bad/fine,/publications",
            "/publications,/search",
            SeedFacts.ArticleUrl + ",/search",
            "/old-site/bad/evil,//evil.example",
            "/old-site/bad/x,/old-site/bad/y",
            "/old-site/bad/y,/old-site/bad/x",
            "/old-site/bad/fine,/search",
            "only-one-field");

        using var response = await UploadAsync(staff, Encoding.UTF8.GetBytes(csv));
        var rows = (await response.ReadPageAsync()).QuerySelectorAll("#import-refusals tbody tr").Select(r => r.TextContent.Squash()).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(7, rows.Count);
        Assert.Contains(rows, r => r.StartsWith("2 ", StringComparison.Ordinal) && r.Contains("readers can open now", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("3 ", StringComparison.Ordinal) && r.Contains("readers can open now", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("4 ", StringComparison.Ordinal) && r.Contains("full address", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("5 ", StringComparison.Ordinal) && r.Contains("loop", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("7 ", StringComparison.Ordinal) && r.Contains("Line 1 already sends", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("8 ", StringComparison.Ordinal) && r.Contains("needs two", StringComparison.Ordinal));
        Assert.False(await portal.WithDatabaseAsync(db => db.Redirects.AnyAsync(r => r.OldPath.StartsWith("/old-site/bad/"))));
    }

    [Fact]
    public async Task Ten_thousand_rows_import_in_one_go()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var csv = string.Join("\r\n", Enumerable.Range(1, 10_000).Select(i => $"/old-site/many/{i}.html,/publications"));

        using var response = await UploadAsync(staff, Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10_000, await portal.WithDatabaseAsync(db => db.Redirects.CountAsync(r => r.OldPath.StartsWith("/old-site/many/"))));
    }

    [Fact]
    public async Task A_five_megabyte_line_or_a_file_that_is_not_text_is_refused_with_a_clear_message_and_nothing_imported()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var longLine = "/old-site/long/a,/publications\n/old-site/long/" + new string('x', 5 * 1024 * 1024) + ",/search\n";

        using var tooLong = await UploadAsync(staff, Encoding.UTF8.GetBytes(longLine));
        using var binary = await UploadAsync(staff, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE, 0x00]);
        using var empty = await UploadAsync(staff, Encoding.UTF8.GetBytes("\r\n\r\n"));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Line 2 is longer", (await tooLong.ReadPageAsync()).QuerySelector("#import-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, binary.StatusCode);
        Assert.Contains("not a CSV text file", (await binary.ReadPageAsync()).QuerySelector("#import-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.False(await portal.WithDatabaseAsync(db => db.Redirects.AnyAsync(r => r.OldPath.StartsWith("/old-site/long/"))));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient staff, byte[] content)
    {
        var token = FormFields.Of(await staff.GetPageAsync("/admin/redirects/import"), "#import-form")[StaffSignIn.TokenField]!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), StaffSignIn.TokenField);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "redirects.csv");
        return await staff.PostAsync(new Uri("/admin/redirects/import", UriKind.Relative), form, TestContext.Current.CancellationToken);
    }
}
