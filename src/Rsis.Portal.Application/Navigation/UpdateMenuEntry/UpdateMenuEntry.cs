using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Redirects;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Navigation;

namespace Rsis.Portal.Application.Navigation.UpdateMenuEntry;

/// <summary>
/// Saves the admin form over a menu entry: rename, re-target, hide, or move under another parent (where it goes
/// last). Refused, with the typed values kept, when someone else changed the entry after the form was opened.
/// </summary>
public sealed record UpdateMenuEntry : ICommand<bool>, IMenuEntryFields, IChangesPublicPages
{
    public int Id { get; init; }
    public Guid ConcurrencyToken { get; init; }
    public string Title { get; init; } = "";
    public string Slug { get; init; } = "";
    public int? ParentId { get; init; }
    public MenuTargetKind TargetKind { get; init; }
    public int? SeriesId { get; init; }
    public int? PageId { get; init; }
    public int? AuthorId { get; init; }
    public int? CategoryId { get; init; }
    public string PublicationCode { get; init; } = "";
    public string Url { get; init; } = "";
    public bool IsVisible { get; init; }

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site, Common.Caching.CacheTags.Pages];
}

public sealed class UpdateMenuEntryValidator : MenuEntryFieldsValidator<UpdateMenuEntry>
{
    public UpdateMenuEntryValidator(IPortalDbContext db, IReservedAddresses reserved) : base(db, reserved)
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty()
            .WithMessage("This form has lost track of which version it edits. Reload the page and make the change again.");
    }

    protected override int EditedId(UpdateMenuEntry command) => command.Id;
}

public sealed class UpdateMenuEntryHandler(IPortalDbContext db, IReservedAddresses reserved, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<UpdateMenuEntry, bool>
{
    public async ValueTask<bool> Handle(UpdateMenuEntry command, CancellationToken cancellationToken)
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

        var changes = await MenuWriting.ApplyAsync(db, reserved, entry, command, cancellationToken);
        if (changes.IsEmpty)
        {
            return true;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await MovedAddresses.RecordAsync(db, changes, MenuWriting.AddressField, address => address, now, cancellationToken);
        db.AuditEntries.Add(MenuWriting.Audit(changes, entry, AuditAction.Updated, currentUser.Name, now));
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
}
