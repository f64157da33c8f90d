namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff read what readers sent through "Help us improve": filtered, summed up in a chart, exported as CSV.</summary>
public sealed class FeedbackController(ISender sender) : AdminController
{
    [HttpGet(FeedbackListPage.Url)]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "rating")] int[]? ratings, string? from, string? to, bool? hasText, int? page, CancellationToken cancellationToken)
    {
        var filter = new FeedbackFilter(ratings ?? [], from, to, hasText == true);
        // The list first: its validator checks the page as well as the filter, so one 400 names every problem.
        var result = await sender.Send(new ListFeedback(filter, page), cancellationToken);
        var summary = await sender.Send(new SummarizeFeedback(filter), cancellationToken);
        return View(new FeedbackListPage(filter, summary, result));
    }

    [HttpGet(FeedbackListPage.Url + ".csv")]
    public async Task<IActionResult> Csv(
        [FromQuery(Name = "rating")] int[]? ratings, string? from, string? to, bool? hasText, CancellationToken cancellationToken)
    {
        var export = await sender.Send(new ExportFeedback(new FeedbackFilter(ratings ?? [], from, to, hasText == true)), cancellationToken);
        return new CsvFileResult(export.FileName, export.Lines);
    }
}
