namespace Rsis.Portal.Application.Navigation.DeleteMenuEntry;

/// <summary>
/// Deletes a menu entry with no entries under it; answers false for an unknown entry. An entry with children
/// is refused: deleting a branch in one go cannot be undone, and hiding it takes it off the site reversibly.
/// </summary>
public sealed record DeleteMenuEntry(int Id, Guid ConcurrencyToken) : IDeletes, ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site, Common.Caching.CacheTags.Pages];
}

public sealed class DeleteMenuEntryValidator : AbstractValidator<DeleteMenuEntry>
{
    public DeleteMenuEntryValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Id).CustomAsync(async (id, context, cancellationToken) =>
        {
            var children = await db.MenuItems.CountAsync(m => m.ParentId == id, cancellationToken);
            if (children > 0)
            {
                var title = await db.MenuItems.Where(m => m.Id == id).Select(m => m.Title).SingleAsync(cancellationToken);
                context.AddFailure("", DeleteMenuEntryHandler.HasChildrenMessage(title, children));
            }
        });
    }
}

public sealed class DeleteMenuEntryHandler(ItemEditor editor, MenuEntryKind kind) : ICommandHandler<DeleteMenuEntry, bool>
{
    public async ValueTask<bool> Handle(DeleteMenuEntry command, CancellationToken cancellationToken) =>
        await editor.DeleteAsync(kind, command, cancellationToken);

    public static string HasChildrenMessage(string title, int children) =>
        $"“{title}” cannot be deleted while {(children == 1 ? "1 entry sits" : $"{children} entries sit")} under it. " +
        "Move or delete them first, or hide it to take it off the site with everything under it.";
}
