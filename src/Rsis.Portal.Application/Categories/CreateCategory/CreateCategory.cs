namespace Rsis.Portal.Application.Categories.CreateCategory;

/// <summary>A new category from the admin form; answers its id. Publications can be put in it from their editor.</summary>
public sealed record CreateCategory : CategoryFields, ICommand<int>, IChangesPublicPages
{
    public CreateCategory(CategoryFields fields) : base(fields)
    {
    }

    /// <summary>The search page's category filter lists every category.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications];
}

public sealed class CreateCategoryValidator(IPortalDbContext db) : CategoryFieldsValidator<CreateCategory>(db);

public sealed class CreateCategoryHandler(ItemEditor editor) : ICommandHandler<CreateCategory, int>
{
    public async ValueTask<int> Handle(CreateCategory command, CancellationToken cancellationToken) =>
        await editor.CreateAsync(CategoryKind.Instance, new Category { Name = "", Slug = "" }, command, cancellationToken);
}
