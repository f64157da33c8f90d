using System.ComponentModel.DataAnnotations;

namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>
/// The publication form as posted. Field names are the commands' property names, so the validators' messages
/// land beside the right fields.
/// </summary>
public sealed class PublicationForm : ItemForm<PublicationFacts>
{
    /// <summary>Empty author rows shown under the chosen ones, so authors can be added without JavaScript.</summary>
    public const int SpareAuthorRows = 2;

    public int SeriesId { get; set; }
    public string? Code { get; set; }
    public string? Title { get; set; }

    /// <summary>In byline order; empty rows (no author chosen) are skipped.</summary>
    public List<int?> AuthorIds { get; set; } = [];
    public List<int> CategoryIds { get; set; } = [];
    [Display(Name = "publication date")]
    public DateOnly? PublishedOn { get; set; }
    public PublicationStatus Status { get; set; }
    /// <summary>On the site's clock (<c>Site:TimeZone</c>), as staff type it; the commands carry it in UTC.</summary>
    [Display(Name = "date and time to publish at")]
    public DateTime? PublishAt { get; set; }
    public string? Synopsis { get; set; }
    public string? Body { get; set; }
    public string? AboutTheAuthors { get; set; }

    /// <summary>A public correction note, added with this save; empty for a silent fix. Never filled from the stored item.</summary>
    public string? CorrectionNote { get; set; }

    [BindNever]
    public PublicationFormChoices Choices { get; set; } = new([], [], []);

    public static PublicationForm From(PublicationForEditing p, SiteTime siteTime) => new()
    {
        SeriesId = p.SeriesId,
        Code = p.Code,
        Title = p.Title,
        AuthorIds = p.AuthorIds.Select(id => (int?)id).ToList(),
        CategoryIds = p.CategoryIds.ToList(),
        PublishedOn = p.PublishedOn,
        Status = p.Status,
        PublishAt = p.PublishAtUtc is { } at ? siteTime.ToSite(at) : null,
        Synopsis = p.Synopsis,
        Body = p.Body,
        AboutTheAuthors = p.AboutTheAuthors,
    };

    /// <summary>The fields as the commands take them; one mapping for creating and updating.</summary>
    public PublicationFields ToFields(SiteTime siteTime) => new()
    {
        SeriesId = SeriesId,
        Code = Code ?? "",
        Title = Title ?? "",
        AuthorIds = ChosenAuthors(),
        CategoryIds = CategoryIds,
        PublishedOn = PublishedOn,
        Status = Status,
        PublishAtUtc = PublishAt is { } at ? siteTime.ToUtc(at) : null,
        Synopsis = Synopsis ?? "",
        Body = Body ?? "",
        AboutTheAuthors = AboutTheAuthors ?? "",
    };

    /// <summary>The author rows to show: the chosen authors in order, then the spare empty rows.</summary>
    public IReadOnlyList<int?> AuthorRows() =>
        [.. AuthorIds.Where(id => id is not null), .. Enumerable.Repeat<int?>(null, SpareAuthorRows)];

    private List<int> ChosenAuthors() => AuthorIds.Where(id => id is not null).Select(id => id!.Value).ToList();
}

/// <summary>The PDF upload as posted.</summary>
public sealed class PdfUploadForm
{
    [FromRoute]
    public int Id { get; set; }
    public IFormFile? File { get; set; }

    [BindNever]
    public PublicationFacts? Facts { get; set; }
}

/// <summary>The filters of the admin publications list, as the query string gives them.</summary>
public sealed record PublicationListPage(
    Application.Publications.ListPublicationsForEditing.PublicationsForEditing Result,
    IReadOnlyList<SeriesChoice> Series,
    string? Q,
    int? SeriesId,
    PublicationVisibility? Status,
    string? Deleted)
{
    public PagerModel Pager => new(Result.Paging, "/admin/publications", new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["seriesId"] = SeriesId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["status"] = Status?.ToString(),
    });
}

/// <summary>The options of a series picker: the series under their group, one chosen, with code prefixes if asked.</summary>
public sealed record SeriesOptions(IReadOnlyList<SeriesChoice> Series, int? Chosen, bool WithCodePrefix = false);
