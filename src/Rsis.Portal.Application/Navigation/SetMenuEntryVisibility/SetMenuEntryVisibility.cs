namespace Rsis.Portal.Application.Navigation.SetMenuEntryVisibility;

/// <summary>
/// Hides a menu entry, with everything under it, from the public menu and its section pages; or shows it again.
/// The reversible way to take a branch off the site. Answers false for an unknown entry.
/// </summary>
public sealed record SetMenuEntryVisibility(int Id, Guid ConcurrencyToken, bool IsVisible) : ICommand<bool>, IUpdates, IChangesPublicPages
{
    public int? Restores => null;

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

/// <summary>
/// A save of the entry's fields with only "shown to readers" changed, through the <see cref="ItemEditor"/> like the
/// form's: audited, and kept as a version that can be compared and restored. A refusal speaks of the button.
/// </summary>
public sealed class SetMenuEntryVisibilityHandler(IPortalDbContext db, ItemEditor editor, MenuEntryKind kind) : ICommandHandler<SetMenuEntryVisibility, bool>
{
    public async ValueTask<bool> Handle(SetMenuEntryVisibility command, CancellationToken cancellationToken)
    {
        if (await ItemEditor.FindAsync(db, kind, command.Id, tracked: false, cancellationToken) is not { } entry)
        {
            return false;
        }

        if (entry.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw await MenuWriting.ConflictAsync(db, entry, fromForm: false, cancellationToken);
        }

        try
        {
            return await editor.UpdateAsync(kind, command, kind.FieldsOf(entry) with { IsVisible = command.IsVisible }, cancellationToken);
        }
        catch (ValidationException refused) when (refused.Errors.Any(e => e.PropertyName == EditConflict.PropertyName))
        {
            // Someone saved between the check above and this save.
            throw await MenuWriting.RefusalAsync(db, command.Id, fromForm: false, cancellationToken);
        }
    }
}
