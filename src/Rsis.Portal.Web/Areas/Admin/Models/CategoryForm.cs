using Rsis.Portal.Application.Categories;
using Rsis.Portal.Application.Categories.GetCategoryForEditing;

namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The category form as posted; field names are the commands' property names.</summary>
public sealed class CategoryForm
{
    // From the address, never from the posted fields; bound even when another field fails to bind, so a
    // form refused before its action runs still comes back for the right item.
    [FromRoute]
    public int Id { get; set; }
    public Guid ConcurrencyToken { get; set; }
    public string? Name { get; set; }
    public string? Slug { get; set; }

    [BindNever]
    public CategoryFacts? Facts { get; set; }

    public bool IsNew => Id == 0;

    public static CategoryForm From(CategoryForEditing c) => new()
    {
        Id = c.Id,
        ConcurrencyToken = c.ConcurrencyToken,
        Name = c.Name,
        Slug = c.Slug,
        Facts = c.Facts,
    };

    /// <summary>The fields as the commands take them; one mapping for creating and updating.</summary>
    public CategoryFields ToFields() => new() { Name = Name ?? "", Slug = Slug ?? "" };
}

public sealed class DeleteCategoryForm
{
    [FromRoute]
    public int Id { get; set; }
    public Guid ConcurrencyToken { get; set; }

    [BindNever]
    public CategoryFacts? Facts { get; set; }
}
