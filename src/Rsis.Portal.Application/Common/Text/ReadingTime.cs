using System.Text.RegularExpressions;

namespace Rsis.Portal.Application.Common.Text;

/// <summary>How long an article takes to read, for the line under its title ("5 min read").</summary>
public static partial class ReadingTime
{
    /// <summary>Words a minute of an adult reading non-fiction in English, the usual figure for "min read".</summary>
    public const int WordsPerMinute = 230;

    /// <summary>Whole minutes, rounded up and at least one, for the words of <paramref name="texts"/> (Markdown or plain).</summary>
    public static int Minutes(params IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var words = texts.Sum(text => Word().Count(LinkTarget().Replace(text, "]")));
        return Math.Max(1, (words + WordsPerMinute - 1) / WordsPerMinute);
    }

    /// <summary>How many words <paramref name="text"/> has, counted as for the reading time.</summary>
    public static int Words(string text) => Word().Count(text);

    /// <summary>A word: letters or digits, with the apostrophes and hyphens inside it ("China's", "cyber-security").</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();

    /// <summary>The address of a Markdown link, "](https://…)", which a reader does not read.</summary>
    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();
}
