using Rsis.Portal.Application.Search;

namespace Rsis.Portal.UnitTests.Search;

public sealed class SearchHighlightTests
{
    private const string S = SearchHighlight.Start;
    private const string E = SearchHighlight.End;

    [Fact]
    public void Marked_words_become_mark_elements_and_everything_else_is_encoded()
    {
        var html = SearchHighlight.ToHtml($"<script>alert('x')</script> & {S}cyber{E} \"talks\"");

        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>cyber</mark> &quot;talks&quot;", html);
    }

    [Fact]
    public void A_marker_without_its_partner_marks_nothing_and_leaves_no_open_element()
    {
        Assert.Equal("cyber talks", SearchHighlight.ToHtml($"cyber{E} talks"));
        Assert.Equal("<mark>cyber talks</mark>", SearchHighlight.ToHtml($"{S}cyber talks"));
    }

    [Theory]
    [InlineData("the firm [Mandiant](https://example.org/report) published", "the firm Mandiant published")]
    [InlineData("andiant](https://example.org/report) published", "andiant published")]
    [InlineData("espionage?\n\n## Obama-Xi phone chat\n\nOfficials", "espionage? Obama-Xi phone chat Officials")]
    [InlineData("a **strong** and _em_ word with snake_case kept", "a strong and em word with snake_case kept")]
    [InlineData("> A quoted line", "A quoted line")]
    public void Markdown_syntax_is_removed_from_passages(string markdown, string text)
    {
        Assert.Equal(text, SearchHighlight.ToHtml(markdown));
    }

    [Fact]
    public void Mark_marks_words_that_begin_with_a_search_word_ignoring_case()
    {
        Assert.Equal($"{S}Cyber{E} and {S}cybersecurity{E}, not hypercyber", SearchHighlight.Mark("Cyber and cybersecurity, not hypercyber", ["cyber"]));
    }

    [Fact]
    public void A_passage_is_cut_around_the_first_match_with_ellipses()
    {
        var text = string.Join(' ', Enumerable.Range(1, 100).Select(i => i == 50 ? "target" : $"w{i}"));

        var passage = SearchHighlight.Passage(text, ["target"], 8);

        Assert.Equal($"…w48 w49 {S}target{E} w51 w52 w53 w54 w55…", passage);
    }

    [Fact]
    public void Without_a_match_the_passage_is_the_start_of_the_text()
    {
        Assert.Equal("one two three…", SearchHighlight.Passage("one two three four five", ["zzz"], 3));
    }
}
