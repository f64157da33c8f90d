using System.Text;

namespace Rsis.Portal.Application.Search;

/// <summary>
/// What a reader typed into the search box, reduced to the words it holds: runs of letters, digits and
/// combining marks. Everything else (quotes, %, _, *, brackets, "NEAR(", operators) only separates words,
/// so no input can reach a search engine as syntax, and every provider sees the same words.
/// </summary>
public sealed class SearchTerms
{
    /// <summary>Longer input is cut here; the box itself stops at this length.</summary>
    public const int MaxLength = 200;

    /// <summary>More words than this only narrow an already narrow search and cost time.</summary>
    public const int MaxWords = 8;

    private SearchTerms(string text, IReadOnlyList<string> words, bool shortened)
    {
        Text = text;
        Words = words;
        Shortened = shortened;
    }

    /// <summary>The input as the search box shows it again: trimmed, at most <see cref="MaxLength"/> characters.</summary>
    public string Text { get; }

    /// <summary>The distinct words, in the order typed; every one must match.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Whether the input was cut to <see cref="MaxLength"/> characters or <see cref="MaxWords"/> words.</summary>
    public bool Shortened { get; }

    public bool IsEmpty => Words.Count == 0;

    public static SearchTerms Parse(string? input)
    {
        var text = (input ?? "").Trim();
        var shortened = false;
        if (text.Length > MaxLength)
        {
            // Never cut a surrogate pair in half, and drop a word the cut went through: "cyber" cut to
            // "cy" would search for a word nobody typed.
            var cut = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
            if (IsWordCharacter(text[cut]))
            {
                while (cut > 0 && IsWordCharacter(text[cut - 1]))
                {
                    cut--;
                }
            }

            // A single word longer than the limit is kept cut rather than dropped entirely.
            text = (cut == 0 ? text[..MaxLength] : text[..cut]).TrimEnd();
            shortened = true;
        }

        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (IsWordCharacter(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                var found = word.ToString().Normalize(NormalizationForm.FormC);
                word.Clear();
                if (seen.Add(found))
                {
                    if (words.Count == MaxWords)
                    {
                        shortened = true;
                        break;
                    }

                    words.Add(found);
                }
            }
        }

        return new SearchTerms(text, words, shortened);
    }

    private static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
