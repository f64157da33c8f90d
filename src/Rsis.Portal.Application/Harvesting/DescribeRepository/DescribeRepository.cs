using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Harvesting.DescribeRepository;

/// <summary>What OAI-PMH Identify says of the repository: its name and its earliest datestamp (null while it is empty).</summary>
public sealed record DescribeRepository : IQuery<RepositoryDescription>;

public sealed record RepositoryDescription(string Name, DateTime? EarliestDatestampUtc);

public sealed class DescribeRepositoryHandler(IPortalDbContext db, ISharedDataCache cache, TimeProvider clock)
    : IQueryHandler<DescribeRepository, RepositoryDescription>
{
    public async ValueTask<RepositoryDescription> Handle(DescribeRepository query, CancellationToken cancellationToken)
    {
        var earliest = await HarvestQueries.Rows(db, clock.GetUtcNow().UtcDateTime)
            .OrderBy(r => r.DatestampUtc).ThenBy(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var name = await PublicationMetadata.LoadPublisherAsync(db, cache, cancellationToken);
        return new RepositoryDescription(name, earliest is null ? null : HarvestQueries.HeaderOf(earliest).DatestampUtc);
    }
}
