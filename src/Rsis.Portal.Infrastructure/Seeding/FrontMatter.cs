namespace Rsis.Portal.Infrastructure.Seeding;

/// <summary>Splits a Markdown file into its YAML front matter (between two "---" lines) and its body.</summary>
internal static class FrontMatter
{
    private const string Fence = "---";

    public static (string FrontMatter, string Body) Split(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.StartsWith(Fence + "\n", StringComparison.Ordinal))
        {
            return ("", normalized);
        }

        var end = normalized.IndexOf("\n" + Fence + "\n", Fence.Length, StringComparison.Ordinal);
        if (end < 0)
        {
            // A file that is only front matter ends with the closing fence and no newline after it.
            return normalized.EndsWith("\n" + Fence, StringComparison.Ordinal)
                ? (normalized[(Fence.Length + 1)..^(Fence.Length + 1)], "")
                : throw new InvalidDataException("The front matter is not closed by a '---' line.");
        }

        return (normalized[(Fence.Length + 1)..end], normalized[(end + Fence.Length + 2)..]);
    }
}
