using Rsis.Portal.Application.Navigation;

namespace Rsis.Portal.UnitTests.Navigation;

/// <summary>Which addresses a menu entry may send readers to.</summary>
public sealed class MenuUrlTests
{
    [Theory]
    [InlineData("https://www.ntu.edu.sg/")]
    [InlineData("http://example.org/path?q=1#part")]
    [InlineData("/")]
    [InlineData("/publications")]
    [InlineData("/publications#external-publications")]
    public void Web_addresses_and_paths_of_this_site_are_accepted(string url) =>
        Assert.True(MenuWriting.IsSafeUrl(url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("ftp://files.example.org/")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("evil.example")]
    [InlineData("https://")]
    [InlineData("https://exa mple.org/")]
    [InlineData("/path\nwith-newline")]
    [InlineData("")]
    [InlineData(null)]
    public void Scripts_other_schemes_and_addresses_that_leave_the_site_by_accident_are_refused(string? url) =>
        Assert.False(MenuWriting.IsSafeUrl(url));
}
