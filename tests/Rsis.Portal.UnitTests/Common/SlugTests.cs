using Rsis.Portal.Application.Common.Text;

namespace Rsis.Portal.UnitTests.Common;

public sealed class SlugTests
{
    [Theory]
    [InlineData("CO13046 US-China Cyber Talks: Internet Security in the Global Economy",
        "co13046-us-china-cyber-talks-internet-security-in-the-global-economy")]
    [InlineData("Research@RSIS", "research-rsis")]
    [InlineData("Dean’s Office", "deans-office")]
    [InlineData("Executive Deputy Chairman's Office", "executive-deputy-chairmans-office")]
    [InlineData("Commemorative / Event Reports", "commemorative-event-reports")]
    [InlineData("Science and Technology Studies Programme (STSP) (2017-2020)", "science-and-technology-studies-programme-stsp-2017-2020")]
    [InlineData("Video/Audio Channel", "video-audio-channel")]
    [InlineData("  --Café Sécurité--  ", "cafe-securite")]
    [InlineData("网络安全", "")]
    public void Titles_become_lowercase_hyphenated_ascii_slugs(string title, string expected)
    {
        Assert.Equal(expected, Slug.From(title));
    }

    [Fact]
    public void Slugs_are_cut_to_the_maximum_length_without_a_trailing_hyphen()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("word", 100)));

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
    }

    [Theory]
    [InlineData("co13046-us-china", true)]
    [InlineData("CO13046", false)]
    [InlineData("..%2f", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_lowercase_letters_digits_and_hyphens_are_well_formed(string? value, bool expected)
    {
        Assert.Equal(expected, Slug.IsWellFormed(value));
    }
}
