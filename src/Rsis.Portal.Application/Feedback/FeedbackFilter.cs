using Rsis.Portal.Domain.Feedback;

namespace Rsis.Portal.Application.Feedback;

/// <summary>
/// What staff choose on the feedback page, as the address gives it: any of the ratings 1–6 (none means all),
/// a date range whose days are UTC days, both ends included, and "only entries with text".
/// The dates stay text until validated, so "2026-02-30" gets a message instead of a binding error.
/// </summary>
public sealed record FeedbackFilter(IReadOnlyList<int> Ratings, string? From, string? To, bool HasText)
{
    public const int LowestRating = 1;
    public const int HighestRating = 6;
    public const string DateFormat = "yyyy-MM-dd";

    public static FeedbackFilter All { get; } = new([], null, null, false);

    public DateOnly? FromDate => ParseDate(From);

    public DateOnly? ToDate => ParseDate(To);

    /// <summary>The ratings asked for, each once and in order; empty means every rating.</summary>
    public IReadOnlyList<int> ChosenRatings => Ratings.Distinct().Order().ToList();

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The entries this filter lets through; the bounds are parameters, so no date function has to translate.</summary>
    public IQueryable<FeedbackEntry> Apply(IQueryable<FeedbackEntry> entries)
    {
        var ratings = ChosenRatings;
        if (ratings.Count > 0)
        {
            entries = entries.Where(f => ratings.Contains(f.Rating));
        }

        if (FromDate is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(f => f.SubmittedAtUtc >= start);
        }

        // "To" includes the whole day: everything before midnight at its end.
        if (ToDate is { } to && to < DateOnly.MaxValue)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(f => f.SubmittedAtUtc < end);
        }

        if (HasText)
        {
            entries = entries.Where(f => (f.Liked != null && f.Liked != "") || (f.CouldImprove != null && f.CouldImprove != ""));
        }

        return entries;
    }
}

/// <summary>The rules of the filter, shared by every feedback query that takes one.</summary>
public sealed class FeedbackFilterValidator : AbstractValidator<FeedbackFilter>
{
    public FeedbackFilterValidator()
    {
        RuleForEach(f => f.Ratings)
            .InclusiveBetween(FeedbackFilter.LowestRating, FeedbackFilter.HighestRating)
            .WithMessage((_, rating) => $"“{rating}” is not a rating: ratings go from 1 to 6.");

        RuleFor(f => f.From)
            .Must(BeADateOrNothing)
            .WithMessage(f => NotADate("From", f.From));

        RuleFor(f => f.To)
            .Must(BeADateOrNothing)
            .WithMessage(f => NotADate("To", f.To));

        RuleFor(f => f)
            .Must(f => f.FromDate <= f.ToDate)
            .When(f => f.FromDate is not null && f.ToDate is not null)
            .WithName("Dates")
            .WithMessage(f => $"The “From” date ({f.From!.Trim()}) is after the “To” date ({f.To!.Trim()}): choose a From date on or before the To date.");
    }

    private static bool BeADateOrNothing(string? text) => string.IsNullOrWhiteSpace(text) || FeedbackFilter.ParseDate(text) is not null;

    private static string NotADate(string field, string? text)
    {
        // A 10,000-character "date" is not repeated back whole.
        var shown = text!.Length <= 40 ? text : text[..40] + "…";
        return $"“{shown}” is not a date for “{field}”: write it as YYYY-MM-DD, for example 2026-03-31.";
    }
}
