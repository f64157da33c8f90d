namespace Rsis.Portal.Application.Pages.DeletePage;

/// <summary>
/// Deletes a content page no menu entry opens; its address then answers 404. Refused, naming the menu entry, while
/// the menu links to it (readers would find a dead end), and when someone changed it after the page was opened.
/// </summary>
public sealed record DeletePage(int Id, Guid ConcurrencyToken) : IDeletes, ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Pages, Common.Caching.CacheTags.Site];
}

public sealed class DeletePageValidator : AbstractValidator<DeletePage>
{
    public DeletePageValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Id).CustomAsync(async (id, context, cancellationToken) =>
        {
            var entries = await db.MenuItems.AsNoTracking()
                .Where(m => m.TargetKind == MenuTargetKind.Page && m.PageId == id)
                .OrderBy(m => m.Title).Select(m => m.Title).ToListAsync(cancellationToken);
            if (entries.Count > 0)
            {
                context.AddFailure("", InUse.MenuMessage(entries, "this page"));
            }
        });
    }
}

public sealed class DeletePageHandler(ItemEditor editor) : ICommandHandler<DeletePage, bool>
{
    public async ValueTask<bool> Handle(DeletePage command, CancellationToken cancellationToken) =>
        await editor.DeleteAsync(PageKind.Instance, command, cancellationToken);
}
