namespace Rsis.Portal.Application.PublicationSeries.CreateSeries;

/// <summary>A new series from the admin form; answers its id. It appears in the publications listing and sidebar at once.</summary>
public sealed record CreateSeries : SeriesFields, ICommand<int>, IChangesPublicPages
{
    public CreateSeries(SeriesFields fields) : base(fields)
    {
    }

    /// <summary>Listings and search filters, and every page's sidebar and series list.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class CreateSeriesValidator(IPortalDbContext db) : SeriesFieldsValidator<CreateSeries>(db);

public sealed class CreateSeriesHandler(ItemEditor editor) : ICommandHandler<CreateSeries, int>
{
    public async ValueTask<int> Handle(CreateSeries command, CancellationToken cancellationToken) =>
        await editor.CreateAsync(SeriesKind.Instance, new Series { Name = "", Slug = "" }, command, cancellationToken);
}
