namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>
/// The editable types with history screens, by the segment of their admin addresses: <c>/admin/{segment}/{id}/…</c>.
/// </summary>
public sealed record EditedKind(string Segment, string EntityType, string Plural, string Singular, bool IsSingleItem = false)
{
    public static readonly IReadOnlyList<EditedKind> All =
    [
        new("publications", "Publication", "Publications", "publication"),
        new("pages", "Page", "Pages", "page"),
        new("events", "Event", "Events", "event"),
        new("authors", "Author", "Authors", "author"),
        new("categories", "Category", "Categories", "category"),
        new("series", "Series", "Series", "series"),
        new("menu", "MenuItem", "Menu", "menu entry"),
        new("settings", "SiteSettings", "Site settings", "site settings", IsSingleItem: true),
    ];

    /// <summary>The route constraint that keeps other admin addresses out of the history controller.</summary>
    public const string SegmentPattern = "^(publications|pages|events|authors|categories|series|menu)$";

    public static EditedKind Of(string segment) => All.Single(k => k.Segment == segment);

    public static EditedKind ForType(string entityType) => All.Single(k => k.EntityType == entityType);

    /// <summary>The site settings are one item: its addresses name no id.</summary>
    public const string SingleItemPattern = "^settings$";

    public string EditUrl(int id) => IsSingleItem ? $"/admin/{Segment}" : $"/admin/{Segment}/{id}/edit";

    public string HistoryUrl(int id) => IsSingleItem ? $"/admin/{Segment}/history" : $"/admin/{Segment}/{id}/history";

    public string ListUrl => $"/admin/{Segment}";
}

public sealed record HistoryPage(EditedKind Kind, ItemHistory History);

public sealed record ComparePage(EditedKind Kind, VersionComparison Comparison);

/// <summary>The restore confirmation: the version to bring back against the current one, and the token of the current one.</summary>
public sealed class RestoreForm
{
    public Guid ConcurrencyToken { get; set; }

    [BindNever]
    public EditedKind? Kind { get; set; }

    [BindNever]
    public int Number { get; set; }

    /// <summary>The version against the current one; null when the item has only that version.</summary>
    [BindNever]
    public VersionComparison? Comparison { get; set; }

    [BindNever]
    public ItemHistory? History { get; set; }
}
