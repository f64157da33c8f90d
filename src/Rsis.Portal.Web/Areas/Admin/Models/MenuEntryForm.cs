using System.ComponentModel.DataAnnotations;
using Rsis.Portal.Application.Navigation;
using Rsis.Portal.Application.Navigation.GetMenuEntryForEditing;
using Rsis.Portal.Application.Navigation.GetMenuForEditing;
using Rsis.Portal.Domain.Navigation;

namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>
/// The menu entry form as posted. Field names are the commands' property names, so the validators' messages
/// land beside the right fields.
/// </summary>
public sealed class MenuEntryForm : ItemForm<MenuEntryFacts>
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    [Display(Name = "place in the menu")]
    public int? ParentId { get; set; }
    [Display(Name = "choice of what the entry opens")]
    public MenuTargetKind TargetKind { get; set; }
    public int? SeriesId { get; set; }
    [Display(Name = "content page")]
    public int? PageId { get; set; }
    [Display(Name = "author")]
    public int? AuthorId { get; set; }
    [Display(Name = "category")]
    public int? CategoryId { get; set; }
    public string? PublicationCode { get; set; }
    public string? Url { get; set; }
    [Display(Name = "answer for “Shown to readers”")]
    public bool IsVisible { get; set; }

    [BindNever]
    public MenuEntryFormChoices Choices { get; set; } = new([], [], [], [], []);

    public static MenuEntryForm From(MenuEntryForEditing m) => new()
    {
        Title = m.Title,
        Slug = m.Slug,
        ParentId = m.ParentId,
        TargetKind = m.TargetKind,
        SeriesId = m.SeriesId,
        PageId = m.PageId,
        AuthorId = m.AuthorId,
        CategoryId = m.CategoryId,
        PublicationCode = m.PublicationCode,
        Url = m.Url,
        IsVisible = m.IsVisible,
    };

    /// <summary>The fields as the commands take them; one mapping for adding and updating.</summary>
    public MenuEntryFields ToFields() => new()
    {
        Title = Title ?? "",
        Slug = Slug ?? "",
        ParentId = ParentId,
        TargetKind = TargetKind,
        SeriesId = SeriesId,
        PageId = PageId,
        AuthorId = AuthorId,
        CategoryId = CategoryId,
        PublicationCode = PublicationCode ?? "",
        Url = Url ?? "",
        IsVisible = IsVisible,
    };
}

/// <summary>
/// The menu tree page. The small forms beside each entry (move, hide, show) post only the entry's token; when
/// one is refused, this page comes back with the message and the tree as it is now.
/// </summary>
public sealed class MenuTreePage
{
    public Guid ConcurrencyToken { get; set; }

    [BindNever]
    public MenuForEditing Menu { get; set; } = new([], 0);

    /// <summary>The entry just changed, shown open and with <see cref="Done"/> beside it.</summary>
    [BindNever]
    public int? EntryId { get; set; }

    [BindNever]
    public string? Done { get; set; }

    [BindNever]
    public string? Deleted { get; set; }

    /// <summary>What happened to the entry, said beside it after the redirect.</summary>
    public string? DoneMessage(MenuEditorEntry entry) => Done switch
    {
        "added" => $"“{entry.Title}” has been added here.",
        "saved" => $"Your changes to “{entry.Title}” have been saved.",
        "up" => $"“{entry.Title}” has moved up.",
        "down" => $"“{entry.Title}” has moved down.",
        "first" => $"“{entry.Title}” is already first in its group; nothing changed.",
        "last" => $"“{entry.Title}” is already last in its group; nothing changed.",
        "hidden" => $"“{entry.Title}” is hidden: readers no longer see it{(entry.Children.Count > 0 ? " or anything under it" : "")}.",
        "shown" => $"“{entry.Title}” is shown to readers again.",
        _ => null,
    };
}
