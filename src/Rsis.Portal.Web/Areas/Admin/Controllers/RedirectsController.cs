namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Staff see the addresses that send readers elsewhere (left behind by renames, or added by hand for addresses
/// of the school's old site), add one and delete one.
/// </summary>
[Route("admin/redirects")]
public sealed class RedirectsController(ISender sender) : AdminController
{
    /// <summary>Room for 20,000 rows of long addresses; a 5 MB line fits, and is refused by the reader.</summary>
    public const int MaxImportBytes = 16 * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int? page, string? done, CancellationToken cancellationToken)
    {
        ViewData["Done"] = done;
        return View(await sender.Send(new ListRedirects(q, page), cancellationToken));
    }

    [HttpGet("new")]
    public IActionResult Create() => View(new RedirectForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(RedirectForm form, CancellationToken cancellationToken)
    {
        await sender.Send(form.ToAdd(), cancellationToken);
        return Redirect("/admin/redirects?done=added");
    }

    [HttpGet("import")]
    public IActionResult Import() => View(new RedirectImportPage(null, null));

    /// <summary>
    /// A CSV of old,new pairs, imported all or none; the page then shows what was added or each row refused.
    /// The body is capped (a larger upload is a 413 in the layout); lines are capped by the reader.
    /// </summary>
    [HttpPost("import")]
    [RequestSizeLimit(MaxImportBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxImportBytes)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return ImportRefused("Choose a CSV file to upload.");
        }

        await using var stream = file.OpenReadStream();
        var reading = await RedirectCsv.ReadAsync(stream, cancellationToken);
        if (reading.Problem is { } problem)
        {
            return ImportRefused(problem);
        }

        var report = await sender.Send(new ImportRedirects(reading.Rows, Path.GetFileName(file.FileName)), cancellationToken);
        var page = View(new RedirectImportPage(report, null));
        page.StatusCode = report.Imported ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return page;
    }

    private ViewResult ImportRefused(string problem)
    {
        var page = View("Import", new RedirectImportPage(null, problem));
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await sender.Send(new GetRedirect(id), cancellationToken) is { } redirect ? View(redirect) : NotFound();

    [HttpPost("{id:int}/delete")]
    [ActionName("Delete")]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken) =>
        await sender.Send(new DeleteRedirect(id), cancellationToken)
            ? Redirect("/admin/redirects?done=deleted")
            : NotFound();
}
