using Rsis.Portal.Application.Site;

namespace Rsis.Portal.UnitTests.Site;

public sealed class SiteUrlTests
{
    [Theory]
    [InlineData("https://www.rsis.edu.sg/")]
    [InlineData("http://example.org/page?x=1#top")]
    [InlineData("HTTPS://X.COM/rsis_ntu")]
    [InlineData("mailto:rsispublications@ntu.edu.sg")]
    [InlineData("/contact-us")]
    [InlineData("/")]
    [InlineData("/feeds/publications.rss")]
    public void Web_mail_and_site_addresses_are_allowed(string url) => Assert.True(SiteUrl.IsAllowed(url));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("vbscript:msgbox")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("ftp://files.example.org/")]
    [InlineData("https://")]
    [InlineData("mailto:")]
    [InlineData("contact-us")]
    [InlineData("www.example.org")]
    [InlineData("/a page with spaces")]
    public void Anything_else_is_refused(string url) => Assert.False(SiteUrl.IsAllowed(url));
}
