using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Domain.Feedback;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Feedback;

/// <summary>A portal whose feedback rate limit is out of the way, for tests that send a lot.</summary>
public sealed class UnlimitedFeedbackPortal : PortalFactory
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Feedback:PermitsPerWindow", "100000")];
}

/// <summary>Sending feedback as the widget does: a token from /feedback/token, then a form POST.</summary>
public static class FeedbackSending
{
    public static async Task<string> GetTokenAsync(this HttpClient visitor)
    {
        var json = await visitor.GetFromJsonAsync<JsonElement>(new Uri("/feedback/token", UriKind.Relative), TestContext.Current.CancellationToken);
        return json.GetProperty("token").GetString()!;
    }

    public static async Task<HttpResponseMessage> PostFeedbackAsync(
        this HttpClient visitor, string? token, IEnumerable<KeyValuePair<string, string>> fields, bool asJson = true)
    {
        var all = token is null ? fields : fields.Append(new("__RequestVerificationToken", token));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/feedback", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(all),
        };
        if (asJson)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        request.Headers.UserAgent.ParseAdd("FeedbackTests/1.0");
        return await visitor.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}

public sealed class SubmitFeedbackTests(UnlimitedFeedbackPortal portal) : IClassFixture<UnlimitedFeedbackPortal>
{
    private static KeyValuePair<string, string> Field(string name, string value) => FeedbackSending.Field(name, value);

    private Task<List<FeedbackEntry>> StoredAsync() => portal.WithDatabaseAsync(db => db.Feedback.AsNoTracking().OrderBy(f => f.Id).ToListAsync());

    [Fact]
    public async Task Valid_feedback_is_stored_with_the_page_it_came_from_and_thanked()
    {
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();
        var marker = Guid.NewGuid().ToString("N");

        using var response = await visitor.PostFeedbackAsync(token,
            [Field("Rating", "5"), Field("Liked", "  Clear writing " + marker + "  "), Field("CouldImprove", "More charts"),
             Field("Email", "reader@example.org"), Field("Page", SeedFacts.ArticleUrl)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Thank you for your feedback.", (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("message").GetString());
        var stored = Assert.Single(await StoredAsync(), f => f.Liked?.Contains(marker, StringComparison.Ordinal) == true);
        Assert.Equal((5, "Clear writing " + marker, "More charts", "reader@example.org", SeedFacts.ArticleUrl, "FeedbackTests/1.0"),
            (stored.Rating, stored.Liked, stored.CouldImprove, stored.Email, stored.PagePath, stored.UserAgent));
        Assert.True(DateTime.UtcNow - stored.SubmittedAtUtc < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Without_a_token_the_post_is_refused_with_400_and_nothing_is_stored()
    {
        var before = (await StoredAsync()).Count;

        using var response = await portal.CreateVisitor().PostFeedbackAsync(null, [Field("Rating", "5")], asJson: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task Invalid_feedback_gets_400_with_a_message_for_each_field_and_nothing_is_stored()
    {
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();
        var before = (await StoredAsync()).Count;

        using var response = await visitor.PostFeedbackAsync(token,
            [Field("Rating", "7"), Field("Liked", new string('a', 256)), Field("CouldImprove", new string('b', 300)), Field("Email", "nope")]);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Choose a rating from 1 (not satisfied) to 6 (very satisfied).", errors.GetProperty("Rating")[0].GetString());
        Assert.Equal("What you liked can be at most 255 characters.", errors.GetProperty("Liked")[0].GetString());
        Assert.Equal("What could be improved can be at most 255 characters.", errors.GetProperty("CouldImprove")[0].GetString());
        Assert.Equal("Please enter a valid email.", errors.GetProperty("Email")[0].GetString());
        Assert.Equal(before, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task Without_javascript_errors_bring_the_form_back_with_what_was_typed_and_success_redirects_to_thanks()
    {
        var visitor = portal.CreateVisitor();
        var form = await visitor.GetPageAsync("/feedback");
        var token = form.QuerySelector("form.feedback-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var invalid = await visitor.PostFeedbackAsync(token,
            [Field("Liked", "The <b>menus</b>"), Field("CouldImprove", "Search"), Field("Email", "bad@"), Field("Page", "/x")], asJson: false);
        var again = await PageReading.ParseAsync(await invalid.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("The <b>menus</b>", again.QuerySelector("#feedback-liked")!.TextContent);
        Assert.Equal("Search", again.QuerySelector("#feedback-improve")!.TextContent);
        Assert.Equal("bad@", again.QuerySelector("#feedback-email")!.GetAttribute("value"));
        Assert.Equal("Please enter a valid email.", again.QuerySelector("#feedback-email-error")!.TextContent.Trim());
        Assert.StartsWith("Choose a rating", again.QuerySelector("#feedback-rating-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("true", again.QuerySelector("#feedback-email")!.GetAttribute("aria-invalid"));

        var retryToken = again.QuerySelector("form.feedback-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var valid = await visitor.PostFeedbackAsync(retryToken, [Field("Rating", "3"), Field("Liked", "The menus")], asJson: false);
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        Assert.Equal("/feedback/thanks", valid.Headers.Location!.OriginalString);
        var thanks = await visitor.GetPageAsync("/feedback/thanks");
        Assert.Equal("Thank you for your feedback.", thanks.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_repeated_rating_takes_the_first_and_extra_fields_are_ignored()
    {
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();
        var marker = Guid.NewGuid().ToString("N");

        using var response = await visitor.PostFeedbackAsync(token,
            [Field("Rating", "5"), Field("Rating", "1"), Field("Liked", marker), Field("Id", "999999"), Field("SubmittedAtUtc", "2000-01-01"), Field("SubmittedAt", "2000-01-01")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await StoredAsync(), f => f.Liked == marker);
        Assert.Equal(5, stored.Rating);
        Assert.NotEqual(999999, stored.Id);
        Assert.True(stored.SubmittedAtUtc.Year > 2000);
    }

    [Fact]
    public async Task Markup_in_every_field_is_stored_as_plain_text()
    {
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();
        const string script = "<script>alert(1)</script>";
        const string image = "\"><img src=x onerror=alert(1)>";

        using var response = await visitor.PostFeedbackAsync(token,
            [Field("Rating", "2"), Field("Liked", script), Field("CouldImprove", image), Field("Page", "https://evil.example/" + "\"><script>")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await StoredAsync(), f => f.CouldImprove == image);
        Assert.Equal(script, stored.Liked);
        Assert.Equal("/%22%3E%3Cscript%3E", stored.PagePath);
    }

    [Theory]
    [InlineData(40 * 1024)]
    [InlineData(1024 * 1024)]
    public async Task A_body_over_32_kb_is_refused_with_413_and_nothing_is_stored(int length)
    {
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();
        var before = (await StoredAsync()).Count;

        using var response = await visitor.PostFeedbackAsync(token, [Field("Rating", "4"), Field("Liked", new string('x', length))]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, (await StoredAsync()).Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_filled_in_website_field_is_thanked_like_anyone_and_nothing_is_stored(bool asJson)
    {
        // "Website" is the honeypot: hidden from people, so only a bot fills it in.
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();
        var marker = Guid.NewGuid().ToString("N");
        var before = (await StoredAsync()).Count;

        using var response = await visitor.PostFeedbackAsync(token,
            [Field("Rating", "6"), Field("Liked", marker), Field("Website", "https://spam.example/"), Field("Page", SeedFacts.ArticleUrl)], asJson);

        if (asJson)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Thank you for your feedback.", (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("message").GetString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/feedback/thanks", response.Headers.Location!.OriginalString);
        }

        var stored = await StoredAsync();
        Assert.Equal(before, stored.Count);
        Assert.DoesNotContain(stored, f => f.Liked == marker);
    }

    [Fact]
    public async Task The_website_field_is_on_the_form_but_hidden_from_people()
    {
        var form = await portal.CreateVisitor().GetPageAsync("/feedback");

        var website = form.QuerySelector("form.feedback-form input[name=Website]");
        Assert.NotNull(website);
        Assert.Equal("", website.GetAttribute("value"));
        Assert.Equal("-1", website.GetAttribute("tabindex"));
        Assert.Equal("true", website.Closest("[aria-hidden]")?.GetAttribute("aria-hidden"));
    }

    [Fact]
    public async Task A_ten_thousand_character_email_is_a_validation_error()
    {
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();

        using var response = await visitor.PostFeedbackAsync(token, [Field("Rating", "4"), Field("Email", new string('e', 10_000) + "@example.org")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Two_hundred_concurrent_submissions_are_all_stored()
    {
        var marker = Guid.NewGuid().ToString("N");
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 200).Select(async i =>
        {
            using var response = await visitor.PostFeedbackAsync(token, [Field("Rating", (i % 6 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), Field("Liked", $"{marker} {i}")]);
            return response.StatusCode;
        }));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.OK, status));
        var stored = (await StoredAsync()).Where(f => f.Liked!.StartsWith(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(200, stored.Count);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"{marker} {i}").Order(StringComparer.Ordinal), stored.Select(f => f.Liked!).Order(StringComparer.Ordinal));
    }
}

// On a clock that stands still, so the six submissions cannot straddle two windows.
public sealed class FeedbackRateLimitTests(FakeClockPortal portal) : IClassFixture<FakeClockPortal>
{
    [Fact]
    public async Task The_sixth_submission_in_a_minute_gets_429_with_retry_after_and_a_friendly_message()
    {
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();

        for (var i = 0; i < 5; i++)
        {
            using var accepted = await visitor.PostFeedbackAsync(token, [FeedbackSending.Field("Rating", "6")]);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var refused = await visitor.PostFeedbackAsync(token, [FeedbackSending.Field("Rating", "6")]);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Please try again in", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, await portal.WithDatabaseAsync(db => db.Feedback.CountAsync()));

        using var page = await visitor.PostFeedbackAsync(token, [FeedbackSending.Field("Rating", "6")], asJson: false);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Too many requests", html, StringComparison.Ordinal);
    }
}

/// <summary>
/// One submission a minute. The limiter counts its windows on the portal's clock, so the test moves that clock on
/// instead of waiting.
/// </summary>
public sealed class OneAMinuteFeedbackPortal : FakeClockPortal
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Feedback:PermitsPerWindow", "1"), ("Feedback:Window", "00:01:00")];
}

public sealed class FeedbackRateLimitWindowTests(OneAMinuteFeedbackPortal portal) : IClassFixture<OneAMinuteFeedbackPortal>
{
    [Fact]
    public async Task A_refused_client_is_told_when_its_window_ends_and_is_accepted_again_from_then()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var visitor = portal.CreateVisitor();
        var token = await visitor.GetTokenAsync();
        var marker = Guid.NewGuid().ToString("N");

        using var first = await visitor.PostFeedbackAsync(token, [FeedbackSending.Field("Rating", "3")]);
        using var refused = await visitor.PostFeedbackAsync(token, [FeedbackSending.Field("Rating", "3")]);
        var message = (await refused.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("message").GetString();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // 20 seconds into the minute: 40 are left of it.
        Assert.Equal(TimeSpan.FromSeconds(40), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("Please try again in 40 seconds", message, StringComparison.Ordinal);

        portal.Clock.Advance(TimeSpan.FromSeconds(39));
        using var stillRefused = await visitor.PostFeedbackAsync(token, [FeedbackSending.Field("Rating", "3")]);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), stillRefused.Headers.RetryAfter?.Delta);

        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        using var again = await visitor.PostFeedbackAsync(token, [FeedbackSending.Field("Rating", "3"), FeedbackSending.Field("Liked", marker)]);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await portal.WithDatabaseAsync(db => db.Feedback.CountAsync(f => f.Liked == marker, cancellation)));
    }
}
