namespace Rsis.Portal.Application.Events.CreateEvent;

/// <summary>A new event from the admin form; answers its id. Published, readers find it at once at <c>/events/{slug}</c>.</summary>
public sealed record CreateEvent : EventFields, ICommand<int>, IChangesPublicPages
{
    public CreateEvent(EventFields fields) : base(fields)
    {
    }

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Events];
}

public sealed class CreateEventValidator(IPortalDbContext db, ISiteZone site) : EventFieldsValidator<CreateEvent>(db, site);

// "…CommandHandler": a name ending in "EventHandler" reads as a .NET event delegate (CA1711).
public sealed class CreateEventCommandHandler(ItemEditor editor, EventKind kind) : ICommandHandler<CreateEvent, int>
{
    public async ValueTask<int> Handle(CreateEvent command, CancellationToken cancellationToken) =>
        await editor.CreateAsync(kind, new Domain.Events.Event { Title = "", Slug = "" }, command, cancellationToken);
}
