namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff keep the header and footer up to date: its text, and the links of each footer group.</summary>
[Route("admin/settings")]
public sealed class SettingsController(ISender sender) : AdminController, IRedisplaysForms
{
    private const string BasePath = "/admin/settings";

    /// <summary>Room for a picture a few times too large, so its sender reads why rather than a bare 413.</summary>
    private const long MaxPromoImageRequestBytes = 16L * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? saved, CancellationToken cancellationToken)
    {
        ViewData["Saved"] = saved;
        return View(SiteSettingsForm.From(await sender.Send(new GetSiteSettingsForEditing(), cancellationToken)));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(SiteSettingsForm form, CancellationToken cancellationToken)
    {
        await sender.Send(form.ToCommand(), cancellationToken);
        return Redirect(BasePath + "?saved=settings");
    }

    [HttpGet("promo-image")]
    public async Task<IActionResult> PromoImage(string? saved, CancellationToken cancellationToken)
    {
        ViewData["Saved"] = saved;
        return View(new PromoImageForm { Stored = await sender.Send(new GetSiteSettingsForEditing(), cancellationToken) });
    }

    [HttpPost("promo-image")]
    [RequestSizeLimit(MaxPromoImageRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxPromoImageRequestBytes)]
    public async Task<IActionResult> PromoImage(PromoImageForm form, CancellationToken cancellationToken)
    {
        var content = await form.File.ReadAtMostAsync(SiteSettings.MaxPromoImageBytes + 1, cancellationToken);
        await sender.Send(new SetPromoImage(form.File?.FileName ?? "", content), cancellationToken);
        return Redirect(BasePath + "/promo-image?saved=uploaded");
    }

    [HttpPost("promo-image/remove")]
    public async Task<IActionResult> RemovePromoImage(CancellationToken cancellationToken) =>
        await sender.Send(new RemovePromoImage(), cancellationToken)
            ? Redirect(BasePath + "/promo-image?saved=removed")
            : NotFound();

    [HttpGet("links/new")]
    public async Task<IActionResult> AddLink(SiteLinkGroup group, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(group))
        {
            return NotFound();
        }

        var stored = await sender.Send(new GetSiteSettingsForEditing(), cancellationToken);
        return View(new SiteLinkForm { Group = group, ConcurrencyToken = stored.ConcurrencyToken });
    }

    [HttpPost("links/new")]
    public async Task<IActionResult> AddLink(SiteLinkForm form, CancellationToken cancellationToken)
    {
        await sender.Send(form.ToAdd(), cancellationToken);
        return Redirect(Saved("added", form.Group));
    }

    [HttpGet("links/{id:int}/edit")]
    public async Task<IActionResult> EditLink(int id, CancellationToken cancellationToken)
    {
        var stored = await sender.Send(new GetSiteSettingsForEditing(), cancellationToken);
        return stored.Link(id) is { } link ? View(SiteLinkForm.From(link, stored.ConcurrencyToken)) : NotFound();
    }

    [HttpPost("links/{id:int}/edit")]
    public async Task<IActionResult> EditLink([FromRoute] int id, SiteLinkForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var group = await GroupOfAsync(id, cancellationToken);
        return await sender.Send(form.ToUpdate(), cancellationToken) ? Redirect(Saved("updated", group)) : NotFound();
    }

    [HttpPost("links/{id:int}/move")]
    public async Task<IActionResult> MoveLink([FromRoute] int id, SiteLinkActionForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var group = await GroupOfAsync(id, cancellationToken);
        return await sender.Send(new MoveSiteLink(id, form.Direction, form.ConcurrencyToken), cancellationToken)
            ? Redirect(Saved("moved", group))
            : NotFound();
    }

    [HttpPost("links/{id:int}/remove")]
    public async Task<IActionResult> RemoveLink([FromRoute] int id, SiteLinkActionForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var group = await GroupOfAsync(id, cancellationToken);
        return await sender.Send(new RemoveSiteLink(id, form.ConcurrencyToken), cancellationToken)
            ? Redirect(Saved("removed", group))
            : NotFound();
    }

    public async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken)
    {
        switch (form)
        {
            case SiteSettingsForm settings:
                settings.Stored = await sender.Send(new GetSiteSettingsForEditing(), cancellationToken);
                break;
            case PromoImageForm image:
                image.Stored = await sender.Send(new GetSiteSettingsForEditing(), cancellationToken);
                break;
            case SiteLinkForm { IsNew: false } link:
                // The group is the stored link's, whatever was posted.
                var stored = (await sender.Send(new GetSiteSettingsForEditing(), cancellationToken)).Link(link.Id);
                link.Group = stored?.Group ?? link.Group;
                break;
        }
    }

    /// <summary>
    /// Where to come back to after changing a link. Read before the command, which alone decides: a link someone
    /// else removed is a stale screen (the message says so) unless the form is current, when it is a 404.
    /// </summary>
    private async Task<SiteLinkGroup> GroupOfAsync(int id, CancellationToken cancellationToken) =>
        (await sender.Send(new GetSiteSettingsForEditing(), cancellationToken)).Link(id)?.Group ?? SiteLinkGroup.PopularLinks;

    /// <summary>Back to the screen, at the group just changed.</summary>
    private static string Saved(string what, SiteLinkGroup group) => $"{BasePath}?saved={what}#{GroupAnchor(group)}";

    public static string GroupAnchor(SiteLinkGroup group) => "links-" + group.ToString().ToLowerInvariant();

    public static string GroupName(SiteLinkGroup group) => SiteEditing.GroupName(group);
}
