namespace Rsis.Portal.Application.Authors.UpdateAuthor;

/// <summary>
/// Saves the admin form (or an earlier version) over an author. Refused, with the typed values kept, when someone
/// else saved the author after <see cref="ConcurrencyToken"/> was read. A new slug leaves a 301 from the old address.
/// </summary>
public sealed record UpdateAuthor : AuthorFields, IUpdates, ICommand<bool>, IChangesPublicPages
{
    public UpdateAuthor(int id, Guid concurrencyToken, AuthorFields fields) : base(fields)
    {
        Id = id;
        ConcurrencyToken = concurrencyToken;
    }

    public int Id { get; }
    public Guid ConcurrencyToken { get; }
    public int? Restores { get; init; }

    /// <summary>Bylines on articles and listings, the author's page, feeds and search all show the name.</summary>
    // Site too: a menu entry may link to the author's address, which a new slug changes.
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class UpdateAuthorValidator(IPortalDbContext db) : AuthorFieldsValidator<UpdateAuthor>(db);

public sealed class UpdateAuthorHandler(ItemEditor editor) : ICommandHandler<UpdateAuthor, bool>
{
    public async ValueTask<bool> Handle(UpdateAuthor command, CancellationToken cancellationToken) =>
        await editor.UpdateAsync(AuthorKind.Instance, command, command, cancellationToken);
}
