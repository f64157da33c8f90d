using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Rsis.Portal.Application.Categories.CreateCategory;
using Rsis.Portal.Application.Categories.GetCategoryForEditing;
using Rsis.Portal.Application.Categories.UpdateCategory;

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

    public CreateCategory ToCreate() => new() { Name = Name ?? "", Slug = Slug ?? "" };

    public UpdateCategory ToUpdate() => new()
    {
        Id = Id,
        ConcurrencyToken = ConcurrencyToken,
        Name = Name ?? "",
        Slug = Slug ?? "",
    };
}

public sealed class DeleteCategoryForm
{
    [FromRoute]
    public int Id { get; set; }
    public Guid ConcurrencyToken { get; set; }

    [BindNever]
    public CategoryFacts? Facts { get; set; }
}
