using Rsis.Portal.Application.PublicationSeries;

namespace Rsis.Portal.Application.Publications.GetPublicationFormChoices;

/// <summary>What the publication form offers to choose from: series, authors and categories.</summary>
public sealed record GetPublicationFormChoices : IQuery<PublicationFormChoices>;

public sealed record PublicationFormChoices(
    IReadOnlyList<SeriesChoice> Series,
    IReadOnlyList<Choice> Authors,
    IReadOnlyList<Choice> Categories);

public sealed record Choice(int Id, string Name);

public sealed class GetPublicationFormChoicesHandler(IPortalDbContext db) : IQueryHandler<GetPublicationFormChoices, PublicationFormChoices>
{
    public async ValueTask<PublicationFormChoices> Handle(GetPublicationFormChoices query, CancellationToken cancellationToken) => new(
        await db.Series.ToChoicesAsync(cancellationToken),
        await db.Authors.AsNoTracking().OrderBy(a => a.Name).Select(a => new Choice(a.Id, a.Name)).ToListAsync(cancellationToken),
        await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken));
}
