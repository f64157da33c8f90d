namespace Rsis.Portal.Application.Feedback.ListFeedback;

/// <summary>The feedback readers sent, filtered, newest first, <see cref="PageSize"/> a page.</summary>
public sealed record ListFeedback(FeedbackFilter Filter, int? Page) : IQuery<FeedbackPage>
{
    public const int PageSize = 50;
}

public sealed class ListFeedbackValidator : AbstractValidator<ListFeedback>
{
    public ListFeedbackValidator()
    {
        RuleFor(q => q.Filter).SetValidator(new FeedbackFilterValidator());
        RuleFor(q => q.Page).GreaterThan(0).WithMessage("Choose a page from 1.");
    }
}

public sealed record FeedbackPage(IReadOnlyList<FeedbackItem> Items, Paging Paging);

/// <summary>One entry as staff read it; the texts are as the reader wrote them, to be shown encoded.</summary>
public sealed record FeedbackItem(
    int Id, DateTime SubmittedAtUtc, int Rating, string? Liked, string? CouldImprove, string PagePath, string? Email);

public sealed class ListFeedbackHandler(IPortalDbContext db) : IQueryHandler<ListFeedback, FeedbackPage>
{
    public async ValueTask<FeedbackPage> Handle(ListFeedback query, CancellationToken cancellationToken)
    {
        var entries = query.Filter.Apply(db.Feedback.AsNoTracking());
        var paging = Paging.Clamp(query.Page, ListFeedback.PageSize, await entries.CountAsync(cancellationToken));
        var items = await entries
            .OrderByDescending(f => f.SubmittedAtUtc).ThenByDescending(f => f.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(f => new FeedbackItem(f.Id, f.SubmittedAtUtc, f.Rating, f.Liked, f.CouldImprove, f.PagePath, f.Email))
            .ToListAsync(cancellationToken);
        return new FeedbackPage(items, paging);
    }
}
