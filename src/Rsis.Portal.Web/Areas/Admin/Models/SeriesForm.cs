namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The series form as posted; field names are the commands' property names.</summary>
public sealed class SeriesForm : ItemForm<SeriesFacts>
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? CodePrefix { get; set; }
    public SeriesGroup Group { get; set; }
    public string? Description { get; set; }
    /// <summary>Text, so that "abc" comes back as typed with a message rather than turning into 0.</summary>
    public string? SortOrder { get; set; }

    public static SeriesForm From(SeriesForEditing s) => new()
    {
        Name = s.Name,
        Slug = s.Slug,
        CodePrefix = s.CodePrefix,
        Group = s.Group,
        Description = s.Description,
        SortOrder = s.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The fields as the commands take them; one mapping for creating and updating.</summary>
    public SeriesFields ToFields() => new()
    {
        Name = Name ?? "",
        Slug = Slug ?? "",
        CodePrefix = CodePrefix ?? "",
        Group = Group,
        Description = Description ?? "",
        SortOrder = Position(),
    };

    private int? Position() =>
        int.TryParse(SortOrder, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
