using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Rsis.Portal.Application.Search;

/// <summary>
/// Matched words travel as plain text between two private-use characters, which no text the portal stores
/// uses. Only <see cref="ToHtml"/> turns them into &lt;mark&gt;, after HTML-encoding everything else, so a
/// title or body can never inject markup into a results page.
/// </summary>
public static partial class SearchHighlight
{
    public const string Start = "\uE000";
    public const string End = "\uE001";
    private const char StartChar = '\uE000';
    private const char EndChar = '\uE001';

    /// <summary>The ellipsis put where a passage was cut from longer text.</summary>
    public const string Ellipsis = "…";

    /// <summary>Encoded HTML of <paramref name="marked"/> with the marked words in &lt;mark&gt;; Markdown syntax removed.</summary>
    public static string ToHtml(string marked)
    {
        ArgumentNullException.ThrowIfNull(marked);
        var text = WithoutMarkdown(marked);
        var html = new StringBuilder(text.Length + 32);
        var open = false;
        foreach (var part in MarkerSplit().Split(text))
        {
            switch (part)
            {
                case Start when !open:
                    html.Append("<mark>");
                    open = true;
                    break;
                case End when open:
                    html.Append("</mark>");
                    open = false;
                    break;
                case Start or End:
                    // A stray marker (say, one the passage cut off) marks nothing.
                    break;
                default:
                    html.Append(WebUtility.HtmlEncode(part));
                    break;
            }
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    /// <summary>Whether <paramref name="marked"/> has a marked word at all.</summary>
    public static bool HasMatch(string marked) => marked.Contains(Start, StringComparison.Ordinal);

    /// <summary>
    /// Passages are cut from stored Markdown, so they can hold link targets, heading hashes and emphasis
    /// stars; a reader wants the words only. Partial syntax at a cut edge is removed as well.
    /// </summary>
    internal static string WithoutMarkdown(string text)
    {
        text = MarkdownLink().Replace(text, "$1");
        text = LinkTarget().Replace(text, "");
        text = HeadingOrQuote().Replace(text, " ");
        text = EmphasisOrCode().Replace(text, "");
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>
    /// Marks every word of <paramref name="text"/> that begins with one of <paramref name="words"/>,
    /// ignoring case: the highlighting of providers whose database cannot highlight.
    /// </summary>
    public static string Mark(string text, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        var marked = new StringBuilder(text.Length + 16);
        foreach (var (start, length, isWord) in Tokens(text))
        {
            var token = text.AsSpan(start, length);
            if (isWord && StartsWithAny(token, words))
            {
                marked.Append(StartChar).Append(token).Append(EndChar);
            }
            else
            {
                marked.Append(token);
            }
        }

        return marked.ToString();
    }

    /// <summary>
    /// About <paramref name="maxWords"/> words of <paramref name="text"/> around its first word that begins
    /// with one of <paramref name="words"/>, marked; the start of the text when none does.
    /// </summary>
    public static string Passage(string text, IReadOnlyList<string> words, int maxWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        var tokens = Tokens(text).ToList();
        var wordIndexes = tokens.Select((t, i) => (t, i)).Where(x => x.t.IsWord).Select(x => x.i).ToList();
        if (wordIndexes.Count == 0)
        {
            return "";
        }

        var firstHit = wordIndexes.FindIndex(i => StartsWithAny(text.AsSpan(tokens[i].Start, tokens[i].Length), words));
        // A few words of lead-in before the match, as FTS5's snippet() gives.
        var firstWord = Math.Max(0, Math.Min(firstHit < 0 ? 0 : firstHit - (maxWords / 4), wordIndexes.Count - maxWords));
        var lastWord = Math.Min(wordIndexes.Count - 1, firstWord + maxWords - 1);
        var from = tokens[wordIndexes[firstWord]].Start;
        var to = tokens[wordIndexes[lastWord]].Start + tokens[wordIndexes[lastWord]].Length;

        return (firstWord > 0 ? Ellipsis : "")
            + Mark(text[from..to], words)
            + (lastWord < wordIndexes.Count - 1 ? Ellipsis : "");
    }

    private static bool StartsWithAny(ReadOnlySpan<char> token, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (token.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<(int Start, int Length, bool IsWord)> Tokens(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var isWord = IsWordCharacter(text[start]);
            var end = start + 1;
            while (end < text.Length && IsWordCharacter(text[end]) == isWord)
            {
                end++;
            }

            yield return (start, end - start, isWord);
            start = end;
        }
    }

    private static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    [GeneratedRegex("(\uE000|\uE001)")]
    private static partial Regex MarkerSplit();

    // [text](target) -> text
    [GeneratedRegex(@"\[([^\[\]]*)\]\([^)\s]*\)")]
    private static partial Regex MarkdownLink();

    // What is left of a link whose text the passage cut off: "](target)", or "](targ" at the end.
    [GeneratedRegex(@"\]\([^)\s]*\)?")]
    private static partial Regex LinkTarget();

    // "## Heading" and "> quote" markers at the start of a line or of the passage.
    [GeneratedRegex(@"(?:^|\n)[ \t]*(?:#{1,6}|>)[ \t]+")]
    private static partial Regex HeadingOrQuote();

    // **strong**, *em*, __strong__, _em_ and `code` markers; an underscore inside a word stays.
    [GeneratedRegex(@"\*+|`+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])")]
    private static partial Regex EmphasisOrCode();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
