namespace Rsis.Portal.Application.Categories.UpdateCategory;

/// <summary>
/// Saves the admin form over a category. Refused, with the typed values kept, when someone else saved it after
/// <see cref="ConcurrencyToken"/> was read. A new slug leaves a 301 from the old address.
/// </summary>
public sealed record UpdateCategory : CategoryFields, IUpdates, ICommand<bool>, IChangesPublicPages
{
    public UpdateCategory(int id, Guid concurrencyToken, CategoryFields fields) : base(fields)
    {
        Id = id;
        ConcurrencyToken = concurrencyToken;
    }

    public int Id { get; }
    public Guid ConcurrencyToken { get; }
    public int? Restores { get; init; }

    /// <summary>Articles list their categories; the category page and the search filters name it.</summary>
    // Site too: a menu entry may link to the category's address, which a new slug changes.
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class UpdateCategoryValidator(IPortalDbContext db) : CategoryFieldsValidator<UpdateCategory>(db);

public sealed class UpdateCategoryHandler(ItemEditor editor) : ICommandHandler<UpdateCategory, bool>
{
    public async ValueTask<bool> Handle(UpdateCategory command, CancellationToken cancellationToken) =>
        await editor.UpdateAsync(CategoryKind.Instance, command, command, cancellationToken);
}
