namespace Rsis.Portal.Application.Categories.DeleteCategory;

/// <summary>
/// Deletes a category; its page then answers 404. A category is a label, not part of what a publication says, so
/// one still in use is taken off its publications in the same save (the confirmation page lists them) and each
/// publication's history records it. Refused while a menu entry opens it (readers would find a dead end), naming
/// the entry, and when someone changed the category after the page was opened.
/// </summary>
public sealed record DeleteCategory(int Id, Guid ConcurrencyToken) : IDeletes, ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class DeleteCategoryValidator : AbstractValidator<DeleteCategory>
{
    public DeleteCategoryValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Id).CustomAsync((id, context, cancellationToken) => InUse.RefuseIfMenuOpensAsync(
            context, db.MenuItems.Where(m => m.TargetKind == MenuTargetKind.Category && m.CategoryId == id), "this category", cancellationToken));
    }
}

public sealed class DeleteCategoryHandler(ItemEditor editor) : ICommandHandler<DeleteCategory, bool>
{
    public async ValueTask<bool> Handle(DeleteCategory command, CancellationToken cancellationToken) =>
        await editor.DeleteAsync(CategoryKind.Instance, command, cancellationToken);
}
