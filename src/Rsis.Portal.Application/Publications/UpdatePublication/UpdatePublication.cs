namespace Rsis.Portal.Application.Publications.UpdatePublication;

/// <summary>
/// Saves the admin form over a publication. Refused, with the typed values kept, when someone else saved it
/// after <see cref="ConcurrencyToken"/> was read. A new title leaves a 301 from the old address.
/// </summary>
public sealed record UpdatePublication : PublicationFields, IUpdates, ICommand<bool>, IChangesPublicPages
{
    public UpdatePublication(int id, Guid concurrencyToken, PublicationFields fields) : base(fields)
    {
        Id = id;
        ConcurrencyToken = concurrencyToken;
    }

    public int Id { get; }
    public Guid ConcurrencyToken { get; }
    public int? Restores { get; init; }

    /// <summary>A public correction note, shown to readers under the byline; empty for a silent fix. See <see cref="PublicationCorrections"/>.</summary>
    public string CorrectionNote { get; init; } = "";

    /// <summary>Listings and the article; and every page, since the menu may link to the publication by its address.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class UpdatePublicationValidator(IPortalDbContext db) : PublicationFieldsValidator<UpdatePublication>(db);

public sealed class UpdatePublicationHandler(ItemEditor editor, IPortalDbContext db) : ICommandHandler<UpdatePublication, bool>
{
    public async ValueTask<bool> Handle(UpdatePublication command, CancellationToken cancellationToken)
    {
        // A correction note is not one of the fields (versions do not bring it back): it is added alongside the save.
        return await editor.UpdateAsync(PublicationKind.Instance, command, command, cancellationToken,
            alongside: (publication, changes, stamp) => PublicationCorrections.Add(db, publication, command.CorrectionNote, stamp.AtUtc, changes));
    }
}
