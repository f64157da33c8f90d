using System.Globalization;
using Mediator;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.PublicationSeries.CreateSeries;

/// <summary>A new series from the admin form; answers its id. It appears in the publications listing and sidebar at once.</summary>
public sealed record CreateSeries : ICommand<int>, ISeriesFields, IChangesPublicPages
{
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string CodePrefix { get; init; } = "";
    public SeriesGroup Group { get; init; }
    public string Description { get; init; } = "";
    public int? SortOrder { get; init; }

    /// <summary>Listings and search filters, and every page's sidebar and series list.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class CreateSeriesValidator(IPortalDbContext db) : SeriesFieldsValidator<CreateSeries>(db);

public sealed class CreateSeriesHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<CreateSeries, int>
{
    public async ValueTask<int> Handle(CreateSeries command, CancellationToken cancellationToken)
    {
        var series = new Series { Name = "", Slug = "" };
        var changes = SeriesWriting.Apply(series, command, isNew: true);
        db.Series.Add(series);
        await AuditedSave.SaveNewAsync(db, () => changes.ToEntry(
            nameof(Series), series.Id.ToString(CultureInfo.InvariantCulture), series.Name,
            AuditAction.Created, currentUser.Name, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return series.Id;
    }
}
