namespace Rsis.Portal.Application.Authors.DeleteAuthor;

/// <summary>
/// Deletes an author no publication names; their page then answers 404. An author still in a byline is refused
/// with the publications to change first, one the menu opens with the menu entries, and a confirmation page opened
/// before someone else's save is refused too.
/// </summary>
public sealed record DeleteAuthor(int Id, Guid ConcurrencyToken) : IDeletes, ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class DeleteAuthorValidator : AbstractValidator<DeleteAuthor>
{
    public DeleteAuthorValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Id).CustomAsync(async (id, context, cancellationToken) =>
        {
            var publications = await InUse.PublicationsAsync(db.Publications.Where(p => p.Authors.Any(pa => pa.AuthorId == id)), cancellationToken);
            if (publications.Any)
            {
                var name = await db.Authors.Where(a => a.Id == id).Select(a => a.Name).SingleAsync(cancellationToken);
                context.AddFailure("", publications.Message($"{name} is the author of", "remove them from"));
            }

            var events = await db.EventSpeakers.IgnoreQueryFilters().Where(s => s.AuthorId == id)
                .OrderBy(s => s.Event.Title).Select(s => s.Event.Title).ToListAsync(cancellationToken);
            if (events.Count > 0)
            {
                var name = await db.Authors.Where(a => a.Id == id).Select(a => a.Name).SingleAsync(cancellationToken);
                context.AddFailure("", events.Count == 1
                    ? $"{name} speaks at the event “{events[0]}”; remove them from it first."
                    : $"{name} speaks at {events.Count} events ({string.Join(", ", events.Take(InUse.CodesNamed).Select(t => $"“{t}”"))}); remove them from those first.");
            }

            await InUse.RefuseIfMenuOpensAsync(context, db.MenuItems.Where(m => m.TargetKind == MenuTargetKind.Author && m.AuthorId == id), "this author", cancellationToken);
        });
    }
}

public sealed class DeleteAuthorHandler(ItemEditor editor) : ICommandHandler<DeleteAuthor, bool>
{
    public async ValueTask<bool> Handle(DeleteAuthor command, CancellationToken cancellationToken) =>
        await editor.DeleteAsync(AuthorKind.Instance, command, cancellationToken);
}
