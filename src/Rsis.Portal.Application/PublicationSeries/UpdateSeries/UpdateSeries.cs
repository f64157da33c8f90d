namespace Rsis.Portal.Application.PublicationSeries.UpdateSeries;

/// <summary>
/// Saves the admin form over a series. Refused, with the typed values kept, when someone else saved it after
/// <see cref="ConcurrencyToken"/> was read. A new slug leaves a 301 from the old listing address.
/// </summary>
public sealed record UpdateSeries : SeriesFields, IUpdates, ICommand<bool>, IChangesPublicPages
{
    public UpdateSeries(int id, Guid concurrencyToken, SeriesFields fields) : base(fields)
    {
        Id = id;
        ConcurrencyToken = concurrencyToken;
    }

    public int Id { get; }
    public Guid ConcurrencyToken { get; }
    public int? Restores { get; init; }

    /// <summary>Articles and listings name the series; the menu and sidebar on every page list it.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class UpdateSeriesValidator(IPortalDbContext db) : SeriesFieldsValidator<UpdateSeries>(db);

public sealed class UpdateSeriesHandler(ItemEditor editor) : ICommandHandler<UpdateSeries, bool>
{
    public async ValueTask<bool> Handle(UpdateSeries command, CancellationToken cancellationToken) =>
        await editor.UpdateAsync(SeriesKind.Instance, command, command, cancellationToken);
}
