using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;

namespace Rsis.Portal.Application.Navigation.DeleteMenuEntry;

/// <summary>
/// Deletes a menu entry with no entries under it; answers false for an unknown entry. An entry with children
/// is refused: deleting a branch in one go cannot be undone, and hiding it takes it off the site reversibly.
/// </summary>
public sealed record DeleteMenuEntry(int Id, Guid ConcurrencyToken) : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site, Common.Caching.CacheTags.Pages];
}

public sealed class DeleteMenuEntryValidator : AbstractValidator<DeleteMenuEntry>
{
    public DeleteMenuEntryValidator()
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty()
            .WithMessage("This form has lost track of which version it deletes. Reload the page and try again.");
    }
}

public sealed class DeleteMenuEntryHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<DeleteMenuEntry, bool>
{
    public async ValueTask<bool> Handle(DeleteMenuEntry command, CancellationToken cancellationToken)
    {
        var entry = await db.MenuItems.SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        if (entry.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw await MenuWriting.ConflictAsync(db, entry, fromForm: true, cancellationToken);
        }

        var children = await db.MenuItems.CountAsync(m => m.ParentId == entry.Id, cancellationToken);
        if (children > 0)
        {
            throw new ValidationException([new ValidationFailure("", HasChildrenMessage(entry.Title, children))]);
        }

        var changes = new ChangeList();
        changes.Value("Title", entry.Title, null);
        db.MenuItems.Remove(entry);
        db.AuditEntries.Add(MenuWriting.Audit(changes, entry, AuditAction.Deleted, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await MenuWriting.RefusalAsync(db, command.Id, fromForm: true, cancellationToken);
        }

        return true;
    }

    public static string HasChildrenMessage(string title, int children) =>
        $"“{title}” cannot be deleted while {(children == 1 ? "1 entry sits" : $"{children} entries sit")} under it. " +
        "Move or delete them first, or hide it to take it off the site with everything under it.";
}
