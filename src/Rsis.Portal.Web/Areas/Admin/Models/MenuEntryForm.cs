namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The menu entry form: the entry's fields as the commands take them, and what the form offers to choose from.</summary>
public sealed class MenuEntryForm : ItemForm<MenuEntryFields, MenuEntryFacts>
{
    [BindNever]
    public MenuEntryFormChoices Choices { get; set; } = new([], [], [], [], []);
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
