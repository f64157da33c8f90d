using Rsis.Portal.Domain.Feedback;

namespace Rsis.Portal.Application.Feedback.SummarizeFeedback;

/// <summary>The figures above the feedback list: how many entries, their average rating and how many gave each rating.</summary>
public sealed record SummarizeFeedback(FeedbackFilter Filter) : IQuery<FeedbackSummary>;

public sealed class SummarizeFeedbackValidator : AbstractValidator<SummarizeFeedback>
{
    public SummarizeFeedbackValidator() => RuleFor(q => q.Filter).SetValidator(new FeedbackFilterValidator());
}

/// <summary>
/// <see cref="Average"/> is rounded to one decimal and null when there is no entry;
/// <see cref="Distribution"/> always has the six ratings, in order, zeros included.
/// </summary>
public sealed record FeedbackSummary(int Count, decimal? Average, IReadOnlyList<RatingCount> Distribution)
{
    public int Busiest => Distribution.Max(r => r.Count);

    /// <summary>
    /// One GROUP BY in the database (at most six rows come back); the average is worked out from those counts
    /// exactly, in decimal, so neither provider's AVG type rules (integer on SQL Server, real on SQLite) matter.
    /// </summary>
    public static async Task<FeedbackSummary> OfAsync(IQueryable<FeedbackEntry> entries, CancellationToken cancellationToken)
    {
        var counts = await entries
            .GroupBy(f => f.Rating)
            .Select(g => new { Rating = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var total = counts.Sum(c => c.Count);
        decimal? average = total == 0
            ? null
            : Math.Round(counts.Sum(c => (decimal)c.Rating * c.Count) / total, 1, MidpointRounding.AwayFromZero);
        var distribution = Enumerable.Range(FeedbackFilter.LowestRating, FeedbackFilter.HighestRating - FeedbackFilter.LowestRating + 1)
            .Select(rating => new RatingCount(rating, counts.Where(c => c.Rating == rating).Sum(c => c.Count)))
            .ToList();
        return new FeedbackSummary(total, average, distribution);
    }
}

public sealed record RatingCount(int Rating, int Count);

public sealed class SummarizeFeedbackHandler(IPortalDbContext db) : IQueryHandler<SummarizeFeedback, FeedbackSummary>
{
    public async ValueTask<FeedbackSummary> Handle(SummarizeFeedback query, CancellationToken cancellationToken) =>
        await FeedbackSummary.OfAsync(query.Filter.Apply(db.Feedback.AsNoTracking()), cancellationToken);
}
