using Rsis.Portal.Domain.Feedback;

namespace Rsis.Portal.Application.Feedback.SubmitFeedback;

/// <summary>
/// A "Help us improve" submission, as the visitor typed it: every value is text, so that "abc" or "3.5" as a
/// rating reaches the validator and gets its message instead of failing in model binding.
/// </summary>
public sealed record SubmitFeedback(
    string? Rating,
    string? Liked,
    string? CouldImprove,
    string? Email,
    string? PagePath,
    string? UserAgent) : ICommand<int>;

public sealed class SubmitFeedbackHandler(IPortalDbContext db, TimeProvider clock) : ICommandHandler<SubmitFeedback, int>
{
    public const int MaxUserAgentLength = 512;

    public async ValueTask<int> Handle(SubmitFeedback command, CancellationToken cancellationToken)
    {
        var entry = new FeedbackEntry
        {
            Rating = int.Parse(command.Rating!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture),
            Liked = FeedbackText.Clean(command.Liked),
            CouldImprove = FeedbackText.Clean(command.CouldImprove),
            Email = FeedbackText.Clean(command.Email),
            PagePath = FeedbackText.PathOnly(command.PagePath),
            SubmittedAtUtc = clock.GetUtcNow().UtcDateTime,
            UserAgent = FeedbackText.Clean(command.UserAgent) is { } agent ? agent[..Math.Min(agent.Length, MaxUserAgentLength)] : null,
        };
        db.Feedback.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }
}
