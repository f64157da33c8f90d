namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The category form: the category's fields as the commands take them.</summary>
public sealed class CategoryForm : ItemForm<CategoryFields, CategoryFacts>;
