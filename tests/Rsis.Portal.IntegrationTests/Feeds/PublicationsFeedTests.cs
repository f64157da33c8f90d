using System.Xml.Linq;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Feeds;

public sealed class PublicationsFeedTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_footers_rss_feed_lists_the_commentary_with_an_absolute_link()
    {
        using var response = await portal.CreateReader().GetAsync(new Uri("/feeds/publications.rss", UriKind.Relative), TestContext.Current.CancellationToken);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var item = Assert.Single(feed.Descendants("item"));
        Assert.Equal(SeedFacts.Heading, item.Element("title")!.Value);
        Assert.Equal("http://localhost" + SeedFacts.ArticleUrl, item.Element("link")!.Value);
        Assert.Equal("Mon, 18 Mar 2013 00:00:00 GMT", item.Element("pubDate")!.Value);
    }
}
