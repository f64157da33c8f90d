using Rsis.Portal.Application.Feedback;

namespace Rsis.Portal.UnitTests.Feedback;

public sealed class FeedbackFilterValidatorTests
{
    private readonly FeedbackFilterValidator _validator = new();

    private List<string> Errors(FeedbackFilter filter) => _validator.Validate(filter).Errors.Select(e => e.ErrorMessage).ToList();

    [Fact]
    public void No_filter_at_all_is_valid()
    {
        Assert.Empty(Errors(FeedbackFilter.All));
    }

    [Fact]
    public void A_single_day_from_and_to_the_same_date_is_valid()
    {
        Assert.Empty(Errors(new FeedbackFilter([1, 6], "2026-03-01", "2026-03-01", true)));
    }

    [Theory]
    [InlineData("2026-02-29")]
    [InlineData("2026-3-1")]
    [InlineData("01/03/2026")]
    [InlineData("2026-03-01T00:00")]
    public void Only_real_dates_written_yyyy_mm_dd_are_accepted(string date)
    {
        Assert.Equal([$"“{date}” is not a date for “From”: write it as YYYY-MM-DD, for example 2026-03-31."], Errors(FeedbackFilter.All with { From = date }));
    }

    [Fact]
    public void From_after_to_is_refused_with_both_dates_named()
    {
        Assert.Equal(
            ["The “From” date (2026-03-05) is after the “To” date (2026-03-01): choose a From date on or before the To date."],
            Errors(FeedbackFilter.All with { From = "2026-03-05", To = "2026-03-01" }));
    }

    [Fact]
    public void The_last_day_there_is_can_be_the_to_date_without_overflowing()
    {
        var filter = FeedbackFilter.All with { To = "9999-12-31" };

        Assert.Empty(Errors(filter));
        Assert.Empty(filter.Apply(Array.Empty<Domain.Feedback.FeedbackEntry>().AsQueryable()));
    }
}
