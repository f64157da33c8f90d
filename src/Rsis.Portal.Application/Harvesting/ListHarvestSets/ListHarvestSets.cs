using Rsis.Portal.Application.PublicationSeries;

namespace Rsis.Portal.Application.Harvesting.ListHarvestSets;

/// <summary>
/// The sets a harvester can choose (OAI-PMH ListSets): each group of series (<c>group.rsis-publications</c>),
/// then each series by its slug, in the menu's order. Every series is offered, with publications or not.
/// </summary>
public sealed record ListHarvestSets : IQuery<IReadOnlyList<HarvestSet>>;

public sealed record HarvestSet(string Spec, string Name);

public sealed class ListHarvestSetsHandler(IPortalDbContext db) : IQueryHandler<ListHarvestSets, IReadOnlyList<HarvestSet>>
{
    public async ValueTask<IReadOnlyList<HarvestSet>> Handle(ListHarvestSets query, CancellationToken cancellationToken)
    {
        var series = await db.Series.AsNoTracking()
            .OrderBy(s => s.Group).ThenBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new HarvestSet(s.Slug, s.Name))
            .ToListAsync(cancellationToken);
        var groups = Enum.GetValues<SeriesGroup>().Select(g => new HarvestSet(HarvestQueries.GroupSetSpec(g), SeriesKind.GroupName(g)));
        return [.. groups, .. series];
    }
}
