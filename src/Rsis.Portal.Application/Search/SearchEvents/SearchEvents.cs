using Rsis.Portal.Application.Events;

namespace Rsis.Portal.Application.Search.SearchEvents;

/// <summary>
/// The search page's "Events" filter: published and cancelled events whose title, summary or venue holds every
/// word of <see cref="Q"/>, the latest start first. A short list beside the publications, so a plain LIKE match
/// (escaped as the publications' LIKE search is) rather than the full-text index.
/// </summary>
public sealed record SearchEvents(string? Q, int? Page = null) : IQuery<EventSearchResults>
{
    public const int PageSize = 20;
}

public sealed record EventSearchResults(string Query, bool HasWords, IReadOnlyList<EventSummary> Items, Paging Paging);

public sealed class SearchEventsHandler(IPortalDbContext db) : IQueryHandler<SearchEvents, EventSearchResults>
{
    public async ValueTask<EventSearchResults> Handle(SearchEvents query, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query.Q);
        if (terms.IsEmpty)
        {
            return new EventSearchResults(terms.Text, false, [], Paging.Clamp(1, SearchEvents.PageSize, 0));
        }

        var events = db.Events.AsNoTracking().WhereVisible();
        foreach (var word in terms.Words)
        {
            var pattern = LikePattern.Containing(word);
            events = events.Where(e => EF.Functions.Like(e.Title, pattern, LikePattern.Escape)
                || EF.Functions.Like(e.Summary, pattern, LikePattern.Escape)
                || EF.Functions.Like(e.VenueName, pattern, LikePattern.Escape));
        }

        var paging = Paging.Clamp(query.Page, SearchEvents.PageSize, await events.CountAsync(cancellationToken));
        var items = await events.OrderByDescending(e => e.StartsAtUtc).ThenByDescending(e => e.Id)
            .Skip(paging.Skip).Take(SearchEvents.PageSize).Summaries().ToListAsync(cancellationToken);
        return new EventSearchResults(terms.Text, true, items, paging);
    }
}
