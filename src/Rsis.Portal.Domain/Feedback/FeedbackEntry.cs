namespace Rsis.Portal.Domain.Feedback;

/// <summary>One "Help us improve" submission. No IP address is kept.</summary>
public class FeedbackEntry
{
    public const int MaxTextLength = 255;
    public const int MaxEmailLength = 254;

    /// <summary>The most UTF-16 units a text may take, however few characters they make.</summary>
    public const int MaxStoredTextLength = 4000;

    public int Id { get; set; }

    /// <summary>1 (not satisfied) to 6 (very satisfied).</summary>
    public int Rating { get; set; }
    public string? Liked { get; set; }
    public string? CouldImprove { get; set; }
    public string? Email { get; set; }

    /// <summary>The path of the page the feedback was sent from.</summary>
    public string PagePath { get; set; } = "/";
    public DateTime SubmittedAtUtc { get; set; }
    public string? UserAgent { get; set; }
}
