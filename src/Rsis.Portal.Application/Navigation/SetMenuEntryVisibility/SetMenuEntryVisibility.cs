namespace Rsis.Portal.Application.Navigation.SetMenuEntryVisibility;

/// <summary>
/// Hides a menu entry, with everything under it, from the public menu and its section pages; or shows it again.
/// The reversible way to take a branch off the site. Answers false for an unknown entry.
/// </summary>
public sealed record SetMenuEntryVisibility(int Id, Guid ConcurrencyToken, bool IsVisible) : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site, Common.Caching.CacheTags.Pages];
}

public sealed class SetMenuEntryVisibilityValidator : AbstractValidator<SetMenuEntryVisibility>
{
    public SetMenuEntryVisibilityValidator()
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty()
            .WithMessage("This button has lost track of which version of the entry it changes. Reload the page and try again.");
    }
}

public sealed class SetMenuEntryVisibilityHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<SetMenuEntryVisibility, bool>
{
    public async ValueTask<bool> Handle(SetMenuEntryVisibility command, CancellationToken cancellationToken)
    {
        var entry = await db.MenuItems.SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        if (entry.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw await MenuWriting.ConflictAsync(db, entry, fromForm: false, cancellationToken);
        }

        if (entry.IsVisible == command.IsVisible)
        {
            return true;
        }

        var changes = new ChangeList();
        changes.Value("Visible", entry.IsVisible ? "Yes" : "No", command.IsVisible ? "Yes" : "No");
        entry.IsVisible = command.IsVisible;
        db.AuditEntries.Add(MenuWriting.Audit(changes, entry, AuditAction.Updated, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await MenuWriting.RefusalAsync(db, command.Id, fromForm: false, cancellationToken);
        }

        return true;
    }
}
