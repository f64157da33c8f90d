namespace Rsis.Portal.Application.Events.DeleteEvent;

/// <summary>
/// Moves an event to the Trash: its address answers 410 Gone, and it can be restored with its history for 30 days.
/// Refused when someone changed it after the confirmation page was opened.
/// </summary>
public sealed record DeleteEvent(int Id, Guid ConcurrencyToken) : IDeletes, ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Events];
}

public sealed class DeleteEventCommandHandler(ItemEditor editor, EventKind kind) : ICommandHandler<DeleteEvent, bool>
{
    public async ValueTask<bool> Handle(DeleteEvent command, CancellationToken cancellationToken) =>
        await editor.DeleteAsync(kind, command, cancellationToken);
}
