namespace Rsis.Portal.Web.Models;

/// <summary>
/// The feedback form as posted. Only these fields bind; anything else a request carries (an Id, a
/// submission time) is ignored. <see cref="Website"/> is a honeypot: people never see it, bots fill it in.
/// </summary>
public sealed class FeedbackForm
{
    public string? Rating { get; set; }
    public string? Liked { get; set; }
    public string? CouldImprove { get; set; }
    public string? Email { get; set; }

    /// <summary>The path of the page the widget was opened on.</summary>
    public string? Page { get; set; }

    public string? Website { get; set; }
}
