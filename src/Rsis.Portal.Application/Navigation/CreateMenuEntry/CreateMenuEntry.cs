namespace Rsis.Portal.Application.Navigation.CreateMenuEntry;

/// <summary>A new menu entry from the admin form, last under its parent; answers its id.</summary>
public sealed record CreateMenuEntry : MenuEntryFields, ICommand<int>, IChangesPublicPages
{
    public CreateMenuEntry(MenuEntryFields fields) : base(fields)
    {
    }

    /// <summary>The menu is on every page; section pages list the entries around them.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site, Common.Caching.CacheTags.Pages];
}

public sealed class CreateMenuEntryValidator(IPortalDbContext db, IReservedAddresses reserved) : MenuEntryFieldsValidator<CreateMenuEntry>(db, reserved);

public sealed class CreateMenuEntryHandler(ItemEditor editor, MenuEntryKind kind) : ICommandHandler<CreateMenuEntry, int>
{
    public async ValueTask<int> Handle(CreateMenuEntry command, CancellationToken cancellationToken) =>
        await editor.CreateAsync(kind, new MenuItem { Title = "", Slug = "" }, command, cancellationToken);
}
