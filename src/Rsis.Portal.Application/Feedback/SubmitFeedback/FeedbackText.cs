using System.Text;

namespace Rsis.Portal.Application.Feedback.SubmitFeedback;

/// <summary>How feedback text is cleaned and counted, shared by the validator and the handler.</summary>
public static class FeedbackText
{
    private const int MaxPathLength = 2000;

    /// <summary>Trimmed, with control characters removed (line breaks kept); null when nothing is left.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c == '\n' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>Characters as a person counts them: "👍🏽" is one, not four UTF-16 units.</summary>
    public static int Length(string? text) => text is null ? 0 : new StringInfo(text).LengthInTextElements;

    /// <summary>The path of the page the feedback came from; a full URL or anything odd is reduced to a path.</summary>
    public static string PathOnly(string? page)
    {
        var value = Clean(page) ?? "/";
        if (Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            value = absolute.AbsolutePath;
        }

        var end = value.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            value = value[..end];
        }

        // "//host" would be a URL to another site, not a path of this one.
        if (!value.StartsWith('/') || value.StartsWith("//", StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal))
        {
            return "/";
        }

        return value.Length <= MaxPathLength ? value : value[..MaxPathLength];
    }
}
