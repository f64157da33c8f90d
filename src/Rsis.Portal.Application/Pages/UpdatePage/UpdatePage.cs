namespace Rsis.Portal.Application.Pages.UpdatePage;

/// <summary>
/// Saves the admin form over a content page. Refused, with the typed values kept, when someone else saved it after
/// <see cref="ConcurrencyToken"/> was read. A new slug leaves a 301 from the old address.
/// </summary>
public sealed record UpdatePage : PageFields, IUpdates, ICommand<bool>, IChangesPublicPages
{
    public UpdatePage(int id, Guid concurrencyToken, PageFields fields) : base(fields)
    {
        Id = id;
        ConcurrencyToken = concurrencyToken;
    }

    public int Id { get; }
    public Guid ConcurrencyToken { get; }
    public int? Restores { get; init; }

    /// <summary>The page itself; and every page, since the menu links to it by its address.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Pages, Common.Caching.CacheTags.Site];
}

public sealed class UpdatePageValidator(IPortalDbContext db, IReservedAddresses reserved) : PageFieldsValidator<UpdatePage>(db, reserved);

public sealed class UpdatePageHandler(ItemEditor editor) : ICommandHandler<UpdatePage, bool>
{
    public async ValueTask<bool> Handle(UpdatePage command, CancellationToken cancellationToken) =>
        await editor.UpdateAsync(PageKind.Instance, command, command, cancellationToken);
}
