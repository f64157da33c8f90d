using System.Text;
using Microsoft.Net.Http.Headers;

namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>
/// A CSV download written line by line as the lines arrive, so an export of every entry is never held whole
/// in memory. UTF-8 with a byte order mark: without it Excel reads the file as the local code page.
/// </summary>
public sealed class CsvFileResult(string fileName, IAsyncEnumerable<string> lines) : IActionResult
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();

        // The mark is written here, once; the writer's own encoding has none, so it cannot add a second.
        await response.Body.WriteAsync(ByteOrderMark, cancellationToken);
        await using var writer = new StreamWriter(response.Body, Utf8, bufferSize: 32 * 1024, leaveOpen: true);
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(line);
            await writer.WriteAsync(Application.Feedback.ExportFeedback.FeedbackCsv.LineBreak);
        }

        await writer.FlushAsync(cancellationToken);
    }
}
