namespace Rsis.Portal.Application.Navigation.MoveMenuEntry;

public enum MoveOutcome
{
    /// <summary>No such entry.</summary>
    NotFound,
    Moved,

    /// <summary>Already first (moving up) or last (moving down) among its siblings: nothing changed.</summary>
    AlreadyThere,
}

/// <summary>Moves a menu entry one place up or down among its siblings, from the token shown with its buttons.</summary>
public sealed record MoveMenuEntry(int Id, Guid ConcurrencyToken, MoveDirection Direction) : ICommand<MoveOutcome>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site, Common.Caching.CacheTags.Pages];
}

public sealed class MoveMenuEntryValidator : AbstractValidator<MoveMenuEntry>
{
    public MoveMenuEntryValidator()
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.Direction).IsInEnum();
        RuleFor(c => c.ConcurrencyToken).NotEmpty()
            .WithMessage("This button has lost track of which version of the entry it moves. Reload the page and try again.");
    }
}

public sealed class MoveMenuEntryHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<MoveMenuEntry, MoveOutcome>
{
    public async ValueTask<MoveOutcome> Handle(MoveMenuEntry command, CancellationToken cancellationToken)
    {
        var entry = await db.MenuItems.SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken);
        if (entry is null)
        {
            return MoveOutcome.NotFound;
        }

        if (entry.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw await MenuWriting.ConflictAsync(db, entry, fromForm: false, cancellationToken);
        }

        var outline = await MenuOutline.LoadAsync(db, cancellationToken);
        var order = outline.ChildrenOf(entry.ParentId).Select(r => r.Id).ToList();
        var from = order.IndexOf(entry.Id);
        var to = command.Direction == MoveDirection.Up ? from - 1 : from + 1;
        if (to < 0 || to >= order.Count)
        {
            return MoveOutcome.AlreadyThere;
        }

        (order[from], order[to]) = (order[to], order[from]);
        var changes = new ChangeList();
        changes.Value("Position",
            MenuWriting.PositionLabel(outline, entry.ParentId, from + 1, order.Count),
            MenuWriting.PositionLabel(outline, entry.ParentId, to + 1, order.Count));
        db.AuditEntries.Add(MenuWriting.Audit(changes, entry, AuditAction.Updated, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        try
        {
            await MenuWriting.SaveWithOrderAsync(db, entry, order, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await MenuWriting.RefusalAsync(db, command.Id, fromForm: false, cancellationToken);
        }

        return MoveOutcome.Moved;
    }
}
