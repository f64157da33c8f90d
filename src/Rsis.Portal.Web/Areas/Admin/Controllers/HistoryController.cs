namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Every kept version of a publication, page, author, category or series: the list, any two compared, and one
/// brought back. One controller for all of them: the types differ only in what the Application's kinds describe.
/// </summary>
[Route("admin/{kind:regex(" + EditedKind.SegmentPattern + ")}/{id:int}/history")]
[Route("admin/{kind:regex(" + EditedKind.SingleItemPattern + ")}/history")]
public sealed class HistoryController(ISender sender) : AdminController, IRedisplaysForms
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string kind, int id, string? restored, CancellationToken cancellationToken)
    {
        var edited = EditedKind.Of(kind);
        if (await sender.Send(new GetHistory(edited.EntityType, ItemId(edited, id)), cancellationToken) is not { } history)
        {
            return NotFound();
        }

        ViewData["Restored"] = restored;
        return View(new HistoryPage(edited, history));
    }

    [HttpGet("compare")]
    public async Task<IActionResult> Compare(string kind, int id, int from, int to, CancellationToken cancellationToken)
    {
        var edited = EditedKind.Of(kind);
        return await sender.Send(new CompareVersions(edited.EntityType, ItemId(edited, id), from, to), cancellationToken) is { } comparison
            ? View(new ComparePage(edited, comparison))
            : NotFound();
    }

    [HttpGet("{number:int}/restore")]
    public async Task<IActionResult> Restore(string kind, int id, int number, CancellationToken cancellationToken)
    {
        var form = new RestoreForm();
        await PrepareAsync(form, kind, id, number, cancellationToken);
        if (form.History is null || form.History.Versions.All(v => v.Number != number))
        {
            return NotFound();
        }

        form.ConcurrencyToken = form.History.Item.ConcurrencyToken;
        return View(form);
    }

    [HttpPost("{number:int}/restore")]
    public async Task<IActionResult> Restore(string kind, int id, int number, RestoreForm form, CancellationToken cancellationToken)
    {
        var edited = EditedKind.Of(kind);
        id = ItemId(edited, id);
        if (!await sender.Send(new RestoreVersion(edited.EntityType, id, number, form.ConcurrencyToken), cancellationToken))
        {
            return NotFound();
        }

        return Redirect($"{edited.HistoryUrl(id)}?restored={number}");
    }

    public Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken) =>
        form is RestoreForm restore
            ? PrepareAsync(restore, (string)RouteData.Values["kind"]!, RouteNumber("id"), RouteNumber("number"), cancellationToken)
            : Task.CompletedTask;

    /// <summary>The site settings' addresses name no id: there is one.</summary>
    private static int ItemId(EditedKind kind, int id) => kind.IsSingleItem ? Domain.Site.SiteSettings.SingletonId : id;

    private int RouteNumber(string name) =>
        RouteData.Values[name] is string value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    private async Task PrepareAsync(RestoreForm form, string kind, int id, int number, CancellationToken cancellationToken)
    {
        form.Kind = EditedKind.Of(kind);
        id = ItemId(form.Kind, id);
        form.Number = number;
        form.History = await sender.Send(new GetHistory(form.Kind.EntityType, id), cancellationToken);
        if (form.History is { } history && history.Latest != number && history.Versions.Any(v => v.Number == number))
        {
            form.Comparison = await sender.Send(new CompareVersions(form.Kind.EntityType, id, number, history.Latest), cancellationToken);
        }
    }
}
