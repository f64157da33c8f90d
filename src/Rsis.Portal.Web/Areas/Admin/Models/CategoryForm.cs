using Rsis.Portal.Application.Categories;
using Rsis.Portal.Application.Categories.GetCategoryForEditing;

namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The category form as posted; field names are the commands' property names.</summary>
public sealed class CategoryForm : ItemForm<CategoryFacts>
{
    public string? Name { get; set; }
    public string? Slug { get; set; }

    public static CategoryForm From(CategoryForEditing c) => new()
    {
        Name = c.Name,
        Slug = c.Slug,
    };

    /// <summary>The fields as the commands take them; one mapping for creating and updating.</summary>
    public CategoryFields ToFields() => new() { Name = Name ?? "", Slug = Slug ?? "" };
}
