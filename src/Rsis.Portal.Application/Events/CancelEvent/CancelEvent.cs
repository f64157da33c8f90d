using Rsis.Portal.Domain.Events;

namespace Rsis.Portal.Application.Events.CancelEvent;

/// <summary>
/// Calls off a published event: a save of its fields with the status Cancelled, kept as a version like any other.
/// The page stays up and says so; calendars receive it as cancelled. Refused when someone saved it since the page
/// was opened; false when there is no such event.
/// </summary>
public sealed record CancelEvent(int Id, Guid ConcurrencyToken) : IUpdates, ICommand<bool>, IChangesPublicPages
{
    public int? Restores => null;

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Events];
}

public sealed class CancelEventValidator : AbstractValidator<CancelEvent>
{
    public CancelEventValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Id).CustomAsync(async (id, context, cancellationToken) =>
        {
            var status = await db.Events.Where(e => e.Id == id).Select(e => (EventStatus?)e.Status).SingleOrDefaultAsync(cancellationToken);
            if (status is EventStatus.Draft or EventStatus.Cancelled)
            {
                context.AddFailure("", status == EventStatus.Draft
                    ? "Only a published event can be cancelled: readers have not seen this draft. Delete it instead, or keep it as a draft."
                    : "This event is cancelled already.");
            }
        });
    }
}

public sealed class CancelEventCommandHandler(IPortalDbContext db, ItemEditor editor, EventKind kind) : ICommandHandler<CancelEvent, bool>
{
    public async ValueTask<bool> Handle(CancelEvent command, CancellationToken cancellationToken)
    {
        if (await ItemEditor.FindAsync(db, kind, command.Id, tracked: false, cancellationToken) is not { } stored)
        {
            return false;
        }

        return await editor.UpdateAsync(kind, command, kind.FieldsOf(stored) with { Status = EventStatus.Cancelled }, cancellationToken);
    }
}
