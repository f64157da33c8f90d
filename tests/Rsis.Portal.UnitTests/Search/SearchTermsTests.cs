using Rsis.Portal.Application.Search;
using Rsis.Portal.Infrastructure.Search;

namespace Rsis.Portal.UnitTests.Search;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("cyber espionage", new[] { "cyber", "espionage" })]
    [InlineData("  US-China  ", new[] { "US", "China" })]
    [InlineData("' OR 1=1--", new[] { "OR", "1" })]
    [InlineData("NEAR(cyber, 2)", new[] { "NEAR", "cyber", "2" })]
    [InlineData("title:cyber*", new[] { "title", "cyber" })]
    [InlineData("\"cyber\" -espionage ^x", new[] { "cyber", "espionage", "x" })]
    [InlineData("Cyber cyber CYBER", new[] { "Cyber" })]
    [InlineData("网络安全 Ünïcödé", new[] { "网络安全", "Ünïcödé" })]
    [InlineData("% _ * - \" ( )", new string[0])]
    [InlineData("", new string[0])]
    public void Only_letters_and_digits_make_words_everything_else_separates_them(string input, string[] words)
    {
        Assert.Equal(words, SearchTerms.Parse(input).Words);
    }

    [Fact]
    public void At_most_eight_words_are_kept_and_the_cut_is_reported()
    {
        var terms = SearchTerms.Parse("one two three four five six seven eight nine ten");

        Assert.Equal(["one", "two", "three", "four", "five", "six", "seven", "eight"], terms.Words);
        Assert.True(terms.Shortened);
    }

    [Fact]
    public void Long_input_is_cut_at_two_hundred_characters_without_keeping_half_a_word()
    {
        var terms = SearchTerms.Parse(new string('x', 195) + " cyber security");

        Assert.Equal(195, terms.Text.Length);
        Assert.Single(terms.Words);
        Assert.True(terms.Shortened);
    }

    [Fact]
    public void One_ten_thousand_letter_word_is_cut_to_two_hundred_letters()
    {
        var terms = SearchTerms.Parse(new string('a', 10_000));

        Assert.Equal(SearchTerms.MaxLength, Assert.Single(terms.Words).Length);
    }

    [Fact]
    public void A_decomposed_accent_is_part_of_the_word_and_composed()
    {
        var terms = SearchTerms.Parse("Sofi\u0301a");

        Assert.Equal("Sofía", Assert.Single(terms.Words));
    }

    [Fact]
    public void Every_word_reaches_fts5_as_a_quoted_string()
    {
        Assert.Equal("\"NEAR\" \"cyber\" \"OR\" \"1\"", SqlitePublicationSearch.FtsQuery(SearchTerms.Parse("NEAR(cyber) OR 1=1")));
    }
}
