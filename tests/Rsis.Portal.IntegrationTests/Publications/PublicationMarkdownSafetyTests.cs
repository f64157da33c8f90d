using System.Net;
using System.Text.Json;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>Whatever staff paste into a body, readers' browsers get no script: on the article and in the preview alike.</summary>
public sealed class PublicationMarkdownSafetyTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string Hostile = """
        A safe paragraph with [a good link](https://www.rsis.edu.sg/).

        <script>alert('script')</script>

        [a bad link](javascript:alert('link'))

        <iframe srcdoc="<script>alert('iframe')</script>"></iframe>

        <svg onload="alert('svg')"><circle r="5"/></svg>

        <img src="x" onerror="alert('img')">
        """;

    private static void AssertHarmless(string html)
    {
        Assert.Contains("A safe paragraph with", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.rsis.edu.sg/\"", html, StringComparison.Ordinal);
        foreach (var danger in new[] { "<script", "javascript:", "<iframe", "srcdoc", "<svg", "onload", "onerror", "alert(" })
        {
            Assert.DoesNotContain(danger, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Script_links_frames_and_event_handlers_are_stripped_from_the_public_article()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Safe Rendering of Hostile Markdown", status: "Published", body: Hostile);

        var article = await portal.CreateReader().GetPageAsync(await staff.PublicAddressAsync(id));

        AssertHarmless(article.QuerySelector(".article-body")!.InnerHtml);
    }

    [Fact]
    public async Task The_preview_renders_the_same_way_and_strips_the_same_things()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var form = FormFields.Of(await staff.GetPageAsync("/admin/publications/new"), PublicationForms.FormSelector);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/publications/preview", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("markdown", Hostile + "\n\n## Heading")]),
        };
        request.Headers.Add("RequestVerificationToken", form[StaffSignIn.TokenField]);

        using var response = await staff.SendAsync(request, TestContext.Current.CancellationToken);
        var html = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken))
            .RootElement.GetProperty("html").GetString()!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHarmless(html);
        // The article page puts the body's "##" under its own section heading, and so does the preview.
        Assert.Contains("<h3>Heading</h3>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_without_an_antiforgery_token_is_refused_with_400()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var response = await staff.PostAsync(new Uri("/admin/publications/preview", UriKind.Relative),
            new FormUrlEncodedContent([new("markdown", "Hello")]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
