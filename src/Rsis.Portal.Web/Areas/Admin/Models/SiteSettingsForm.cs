namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>
/// The header and footer text as posted, and the settings screen around it (the link groups, shown from the
/// database). The text is the update command's fields record, bound under its own names, so the validator's
/// messages land beside the fields.
/// </summary>
public sealed class SiteSettingsForm
{
    public Guid ConcurrencyToken { get; set; }

    [ModelBinder(Name = "")]
    public SiteSettingsFields Fields { get; set; } = new();

    /// <summary>The settings as stored: the links of each group, and the token their small forms carry.</summary>
    [BindNever]
    public SiteSettingsForEditing? Stored { get; set; }

    public static SiteSettingsForm From(SiteSettingsForEditing s) => new() { ConcurrencyToken = s.ConcurrencyToken, Fields = s.Fields, Stored = s };

    // The links have their own small forms: a post that names some changes none of them.
    public UpdateSiteSettings ToCommand() => new(ConcurrencyToken, Fields with { Links = null });
}

/// <summary>The promo's picture being uploaded, and the screen around it (the picture as stored).</summary>
public sealed class PromoImageForm
{
    public IFormFile? File { get; set; }

    [BindNever]
    public SiteSettingsForEditing? Stored { get; set; }
}

/// <summary>A footer link being added (<see cref="Id"/> 0) or edited, as posted.</summary>
public sealed class SiteLinkForm
{
    // From the address, never from the posted fields; bound even when another field fails to bind, so a
    // form refused before its action runs still comes back for the right item.
    [FromRoute]
    public int Id { get; set; }
    public SiteLinkGroup Group { get; set; }
    public Guid ConcurrencyToken { get; set; }
    public string? Title { get; set; }
    public string? Url { get; set; }
    public string? Network { get; set; }

    public bool IsNew => Id == 0;

    public static SiteLinkForm From(SiteLinkForEditing link, Guid token) => new()
    {
        Id = link.Id,
        Group = link.Group,
        ConcurrencyToken = token,
        Title = link.Title,
        Url = link.Url,
        Network = link.Network,
    };

    public AddSiteLink ToAdd() => new()
    {
        Group = Group,
        ConcurrencyToken = ConcurrencyToken,
        Title = Title ?? "",
        Url = Url ?? "",
        Network = Network,
    };

    public UpdateSiteLink ToUpdate() => new()
    {
        Id = Id,
        ConcurrencyToken = ConcurrencyToken,
        Title = Title ?? "",
        Url = Url ?? "",
        Network = Network,
    };
}

/// <summary>One of the small forms beside a link (move up, move down, remove): the version of the screen it was shown with.</summary>
public sealed class SiteLinkActionForm
{
    [FromRoute]
    public int Id { get; set; }
    public Guid ConcurrencyToken { get; set; }

    /// <summary>For moving: which way.</summary>
    public MoveDirection Direction { get; set; }
}
