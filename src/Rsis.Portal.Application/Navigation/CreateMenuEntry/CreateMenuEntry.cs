using Mediator;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Navigation;

namespace Rsis.Portal.Application.Navigation.CreateMenuEntry;

/// <summary>A new menu entry from the admin form, last under its parent; answers its id.</summary>
public sealed record CreateMenuEntry : ICommand<int>, IMenuEntryFields, IChangesPublicPages
{
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
    public bool IsVisible { get; init; } = true;

    /// <summary>The menu is on every page; section pages list the entries around them.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site, Common.Caching.CacheTags.Pages];
}

public sealed class CreateMenuEntryValidator(IPortalDbContext db, IReservedAddresses reserved) : MenuEntryFieldsValidator<CreateMenuEntry>(db, reserved);

public sealed class CreateMenuEntryHandler(IPortalDbContext db, IReservedAddresses reserved, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<CreateMenuEntry, int>
{
    public async ValueTask<int> Handle(CreateMenuEntry command, CancellationToken cancellationToken)
    {
        var entry = new MenuItem { Title = "", Slug = "" };
        var changes = await MenuWriting.ApplyAsync(db, reserved, entry, command, cancellationToken);
        db.MenuItems.Add(entry);
        var now = clock.GetUtcNow().UtcDateTime;
        await AuditedSave.SaveNewAsync(db, () => MenuWriting.Audit(changes, entry, AuditAction.Created, currentUser.Name, now), cancellationToken);
        return entry.Id;
    }
}
