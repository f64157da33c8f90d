using Rsis.Portal.Application.Feedback.SubmitFeedback;

namespace Rsis.Portal.UnitTests.Feedback;

public sealed class SubmitFeedbackValidatorTests
{
    private readonly SubmitFeedbackValidator _validator = new();

    private static SubmitFeedback Valid(string? rating = "4", string? liked = null, string? improve = null, string? email = null) =>
        new(rating, liked, improve, email, "/", "tests");

    private IEnumerable<string> ErrorsFor(SubmitFeedback feedback, string property) =>
        _validator.Validate(feedback).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage);

    [Theory]
    [InlineData("1")]
    [InlineData("6")]
    [InlineData(" 3 ")]
    public void Ratings_from_one_to_six_are_accepted(string rating)
    {
        Assert.Empty(ErrorsFor(Valid(rating), nameof(SubmitFeedback.Rating)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("3.5")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("٥")]
    [InlineData("99999999999999999999")]
    public void Other_ratings_are_rejected_with_a_message(string? rating)
    {
        Assert.Equal([SubmitFeedbackValidator.RatingMessage], ErrorsFor(Valid(rating), nameof(SubmitFeedback.Rating)));
    }

    [Fact]
    public void Texts_of_255_characters_are_accepted_and_256_rejected()
    {
        Assert.Empty(ErrorsFor(Valid(liked: new string('a', 255)), nameof(SubmitFeedback.Liked)));
        Assert.Equal(["What you liked can be at most 255 characters."], ErrorsFor(Valid(liked: new string('a', 256)), nameof(SubmitFeedback.Liked)));
        Assert.Equal(["What could be improved can be at most 255 characters."],
            ErrorsFor(Valid(improve: new string('b', 256)), nameof(SubmitFeedback.CouldImprove)));
    }

    [Fact]
    public void Two_hundred_fifty_five_emoji_count_as_255_characters_as_a_person_counts_them()
    {
        var emoji = string.Concat(Enumerable.Repeat("👍🏽", 255));

        Assert.Equal(255 * 4, emoji.Length);
        Assert.Empty(ErrorsFor(Valid(liked: emoji), nameof(SubmitFeedback.Liked)));
        Assert.NotEmpty(ErrorsFor(Valid(liked: emoji + "👍🏽"), nameof(SubmitFeedback.Liked)));
    }

    [Fact]
    public void Spaces_around_a_text_do_not_count_and_only_spaces_is_no_text()
    {
        Assert.Empty(ErrorsFor(Valid(liked: "   " + new string('a', 255) + "   "), nameof(SubmitFeedback.Liked)));
        Assert.Empty(_validator.Validate(Valid(liked: "      ", improve: "\t\n ")).Errors);
        Assert.Null(FeedbackText.Clean("      "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("reader@example.org")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    public void A_missing_or_valid_email_is_accepted(string? email)
    {
        Assert.Empty(ErrorsFor(Valid(email: email), nameof(SubmitFeedback.Email)));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("reader@")]
    [InlineData("@example.org")]
    [InlineData("reader@localhost")]
    [InlineData("Reader <reader@example.org>")]
    [InlineData("two words@example.org")]
    [InlineData("\"><img src=x onerror=alert(1)>@example.org")]
    public void An_invalid_email_is_rejected_with_the_source_pages_message(string email)
    {
        Assert.Equal([SubmitFeedbackValidator.EmailMessage], ErrorsFor(Valid(email: email), nameof(SubmitFeedback.Email)));
    }

    [Fact]
    public void An_email_longer_than_254_characters_is_rejected()
    {
        var email = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".org";

        Assert.True(email.Length > 254);
        Assert.NotEmpty(ErrorsFor(Valid(email: email), nameof(SubmitFeedback.Email)));
        Assert.NotEmpty(ErrorsFor(Valid(email: new string('e', 10_000) + "@example.org"), nameof(SubmitFeedback.Email)));
    }

    [Fact]
    public void Control_characters_are_removed_and_line_breaks_kept()
    {
        Assert.Equal("Clear\nand useful", FeedbackText.Clean("\u0007Clear\r\nand\u0000 useful\u001b"));
    }

    [Theory]
    [InlineData("/publications/rsis-commentary-series", "/publications/rsis-commentary-series")]
    [InlineData("https://evil.example/steal?x=1", "/steal")]
    [InlineData("//evil.example/path", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/search?q=cyber#results", "/search")]
    [InlineData(null, "/")]
    [InlineData("/\\evil.example", "/")]
    public void The_page_is_kept_as_a_path_only(string? page, string expected)
    {
        Assert.Equal(expected, FeedbackText.PathOnly(page));
    }
}
