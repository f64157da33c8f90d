using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Feedback;
using Rsis.Portal.IntegrationTests.Infrastructure;
using Serilog.Events;

namespace Rsis.Portal.IntegrationTests.Hosting;

/// <summary>
/// Bodies that cannot be read as a form, sent by hand with a valid antiforgery token in the header (so the
/// token is not what refuses them): the feedback, the sign-in and the admin forms answer 400, or 413 for
/// size, in the site's layout, store nothing, and log a warning rather than an error.
/// </summary>
public sealed class UnreadableFormTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private const string Boundary = "portal-test-boundary";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> BadBodies => ["multipart without a boundary", "multipart cut off", "2,000 fields", "40 KB", "40 KB chunked"];

    /// <summary>The body, and what it must get: 413 for size, else 400.</summary>
    private static (HttpContent Content, bool Chunked, HttpStatusCode Expected) BadBody(string kind)
    {
        switch (kind)
        {
            case "multipart without a boundary":
                var bare = new ByteArrayContent("x"u8.ToArray());
                bare.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
                return (bare, false, HttpStatusCode.BadRequest);
            case "multipart cut off":
                // A whole first field, then the second one stops before its end and there is no closing boundary.
                var cut = new ByteArrayContent(Encoding.UTF8.GetBytes(
                    $"--{Boundary}\r\nContent-Disposition: form-data; name=\"Rating\"\r\n\r\n5\r\n" +
                    $"--{Boundary}\r\nContent-Disposition: form-data; name=\"Liked\"\r\n\r\nThe menus and"));
                cut.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
                return (cut, false, HttpStatusCode.BadRequest);
            case "2,000 fields":
                return (new FormUrlEncodedContent(Enumerable.Range(0, 2000).Select(i => new KeyValuePair<string, string>($"f{i}", "1"))),
                    false, HttpStatusCode.BadRequest);
            case "40 KB" or "40 KB chunked":
                // Two fields of 20 KB: each under any one-field limit, together over the 32 KB the feedback accepts.
                return (new FormUrlEncodedContent([new("Rating", "5"), new("Liked", new string('a', 20_000)), new("CouldImprove", new string('b', 20_000))]),
                    kind.EndsWith("chunked", StringComparison.Ordinal), HttpStatusCode.RequestEntityTooLarge);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token, string kind, bool asJson = false) =>
        (await PostTracedAsync(client, url, token, kind, asJson)).Response;

    private static async Task<(HttpResponseMessage Response, ActivityTraceId Trace)> PostTracedAsync(
        HttpClient client, string url, string token, string kind, bool asJson = false)
    {
        var (content, chunked, _) = BadBody(kind);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = content };
        var trace = CapturedLog.Trace(request);
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.TransferEncodingChunked = chunked ? true : null;
        if (asJson)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return (await client.SendAsync(request, Cancel), trace);
    }

    private static string TokenOf(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>Sends the request and checks how it was logged: a warning that says why, its line below Error, no error.</summary>
    private async Task<HttpResponseMessage> PostAndCheckLogAsync(HttpClient client, string url, string token, string kind, bool asJson = false)
    {
        var (response, trace) = await PostTracedAsync(client, url, token, kind, asJson);
        var line = await portal.Log.RequestLineAsync(url, trace);

        Assert.Equal((int)response.StatusCode, ((ScalarValue)line.Properties["StatusCode"]).Value);
        Assert.True(line.Level < LogEventLevel.Error, $"POST {url} was logged at {line.Level}.");
        var events = portal.Log.For(url);
        Assert.Contains(events, e => e.Level == LogEventLevel.Warning && e.RenderMessage(null).Contains("could not be read", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Level >= LogEventLevel.Error);
        return response;
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Feedback_that_cannot_be_read_gets_400_or_413_in_the_site_layout_and_nothing_is_stored(string kind)
    {
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();
        var before = await portal.WithDatabaseAsync(db => db.Feedback.CountAsync(Cancel));

        using var response = await PostAndCheckLogAsync(visitor, "/feedback", token, kind);
        var page = await response.ReadPageAsync();

        var expected = BadBody(kind).Expected;
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.BadRequest ? "The form could not be read" : "Too much data", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("nothing was saved", page.QuerySelector(".status-page")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("footer"));
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.Feedback.CountAsync(Cancel)));
    }

    [Theory]
    [InlineData("multipart without a boundary", 400)]
    [InlineData("40 KB", 413)]
    public async Task The_feedback_widget_gets_a_problem_document(string kind, int expected)
    {
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();

        using var response = await PostAsync(visitor, "/feedback", token, kind, asJson: true);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, problem.GetProperty("status").GetInt32());
        Assert.Contains("nothing was saved", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("multipart without a boundary")]
    [InlineData("multipart cut off")]
    [InlineData("2,000 fields")]
    public async Task The_sign_in_form_refuses_a_body_it_cannot_read_with_400(string kind)
    {
        var visitor = portal.CreateVisitor();
        var token = TokenOf(await visitor.GetPageAsync("/admin/login"));

        using var response = await PostAndCheckLogAsync(visitor, "/admin/login", token, kind);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The form could not be read", (await response.ReadPageAsync()).QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("multipart without a boundary")]
    [InlineData("multipart cut off")]
    [InlineData("2,000 fields")]
    public async Task Every_admin_form_refuses_a_body_it_cannot_read_with_400_and_changes_nothing(string kind)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var token = TokenOf(await staff.GetPageAsync("/admin/authors/new"));
        var publicationId = await portal.WithDatabaseAsync(db => db.Publications.Where(p => p.Code == SeedFacts.Code).Select(p => p.Id).SingleAsync(Cancel));
        var staffId = await portal.WithDatabaseAsync(db => db.Users.Where(u => u.Email != null).Select(u => u.Id).FirstAsync(Cancel));
        string[] forms =
        [
            "/admin/authors/new", $"/admin/publications/{publicationId}/edit", $"/admin/publications/{publicationId}/pdf",
            "/admin/menu/5/edit", "/admin/menu/5/hide", "/admin/settings", "/admin/settings/links/new", "/admin/series/new",
            "/admin/categories/new", "/admin/pages/new", $"/admin/users/{staffId}/role", $"/admin/users/{staffId}/lock",
            "/admin/account/password", "/admin/logout",
        ];
        var before = await portal.WithDatabaseAsync(db => db.AuditEntries.CountAsync(Cancel));

        foreach (var form in forms)
        {
            using var response = await PostAndCheckLogAsync(staff, form, token, kind);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {form}: {(int)response.StatusCode}.");
            Assert.Equal("The form could not be read", (await response.ReadPageAsync()).QuerySelector("h1")?.TextContent.Trim());
        }

        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.AuditEntries.CountAsync(Cancel)));
        // Still signed in: not even the sign-out ran.
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri("/admin", UriKind.Relative), Cancel)).StatusCode);
    }
}
