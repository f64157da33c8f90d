using System.Net.Mail;
using Rsis.Portal.Domain.Feedback;

namespace Rsis.Portal.Application.Feedback.SubmitFeedback;

/// <summary>The one set of rules for feedback; the widget shows the same limits but this decides.</summary>
public sealed class SubmitFeedbackValidator : AbstractValidator<SubmitFeedback>
{
    public const string RatingMessage = "Choose a rating from 1 (not satisfied) to 6 (very satisfied).";
    public const string EmailMessage = "Please enter a valid email.";

    public SubmitFeedbackValidator()
    {
        RuleFor(f => f.Rating)
            .Must(BeAWholeRating)
            .WithMessage(RatingMessage);

        RuleFor(f => f.Liked)
            .Must(BeShortEnough)
            .WithMessage(TooLong("What you liked"));

        RuleFor(f => f.CouldImprove)
            .Must(BeShortEnough)
            .WithMessage(TooLong("What could be improved"));

        RuleFor(f => f.Email)
            .Must(BeAnEmailOrNothing)
            .WithMessage(EmailMessage);
    }

    private static string TooLong(string what) =>
        $"{what} can be at most {FeedbackEntry.MaxTextLength} characters.";

    private static bool BeAWholeRating(string? rating) =>
        int.TryParse(rating?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 6;

    private static bool BeShortEnough(string? text)
    {
        var cleaned = FeedbackText.Clean(text);
        return FeedbackText.Length(cleaned) <= FeedbackEntry.MaxTextLength
            && (cleaned?.Length ?? 0) <= FeedbackEntry.MaxStoredTextLength;
    }

    private static bool BeAnEmailOrNothing(string? email)
    {
        var cleaned = FeedbackText.Clean(email);
        if (cleaned is null)
        {
            return true;
        }

        // MailAddress accepts display names and comments ("Ann <a@b.c>"); only a bare address is an email here.
        return cleaned.Length <= FeedbackEntry.MaxEmailLength
            && MailAddress.TryCreate(cleaned, out var address)
            && address.Address == cleaned
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !cleaned.Any(char.IsWhiteSpace);
    }
}
