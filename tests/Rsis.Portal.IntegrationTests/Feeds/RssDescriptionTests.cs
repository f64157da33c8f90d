using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Feeds;

/// <summary>RSS readers treat an item's description as HTML; a synopsis is text and must arrive as text.</summary>
public sealed class RssDescriptionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Synopsis = "Talks & <script>alert('feed')</script> <b>not bold</b>, a < b && c > d; &amp; stays as typed.";

    [Theory]
    [InlineData("/feeds/publications.rss", "CO26901")]
    [InlineData("/feeds/series/rsis-commentary-series.rss", "CO26902")]
    public async Task A_synopsis_with_markup_reads_as_the_same_text_in_a_feed_reader(string feedUrl, string code)
    {
        await portal.AddPublicationAsync(new TestPublication(code, "Markup in a Synopsis " + code, Synopsis: Synopsis,
            PublishedOn: new DateOnly(2026, 1, 5)));

        using var response = await portal.CreateReader().GetAsync(new Uri(feedUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var item = rss.Descendants("item").Single(i => i.Element("title")!.Value.StartsWith(code, StringComparison.Ordinal));

        // What a feed reader does with it: read the description as HTML.
        var shown = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{item.Element("description")!.Value}</body></html>").Body!;

        Assert.Empty(shown.Children);
        Assert.Equal(Synopsis, shown.TextContent);
    }
}
