using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Domain.Feedback;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>
/// Staff reading the feedback: figures, chart, filters, paging, CSV. The tests share one database, so each
/// puts its entries in a year of its own and looks at that year only.
/// </summary>
public sealed class FeedbackAdminTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private static FeedbackEntry Entry(int rating, string submittedAtUtc, string? liked = null, string? couldImprove = null, string? email = null, string page = "/") => new()
    {
        Rating = rating,
        SubmittedAtUtc = DateTime.Parse(submittedAtUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        Liked = liked,
        CouldImprove = couldImprove,
        Email = email,
        PagePath = page,
        UserAgent = "FeedbackAdminTests/1.0",
    };

    private async Task AddAsync(params FeedbackEntry[] entries) => await portal.WithDatabaseAsync(async db =>
    {
        db.Feedback.AddRange(entries);
        return await db.SaveChangesAsync();
    });

    private async Task<HttpClient> EditorAsync() => (await portal.SignedInAsync(StaffRoles.Editor)).Client;

    private static int[] ChartCounts(IHtmlDocument page) =>
        page.QuerySelectorAll(".rating-chart__count").Select(t => int.Parse(t.TextContent, CultureInfo.InvariantCulture)).ToArray();

    private static string Figure(IHtmlDocument page, string name) => page.QuerySelector($"[data-figure={name}]")!.TextContent.Trim();

    private static List<string> Liked(IHtmlDocument page) =>
        page.QuerySelectorAll(".admin-feedback-entry [data-field=liked]").Select(d => d.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_figures_and_the_chart_count_the_chosen_period_with_both_end_days_included()
    {
        await AddAsync(
            Entry(6, "2031-01-01T00:00:00Z"), Entry(5, "2031-02-10T08:00:00Z"), Entry(5, "2031-03-10T08:00:00Z"),
            Entry(2, "2031-06-01T12:00:00Z"), Entry(1, "2031-07-01T12:00:00Z"), Entry(6, "2031-08-01T12:00:00Z"),
            Entry(6, "2031-12-31T23:59:59.999Z"),
            // Just outside the year: not counted.
            Entry(1, "2030-12-31T23:59:59Z"), Entry(1, "2032-01-01T00:00:00Z"));
        var staff = await EditorAsync();

        var page = await staff.GetPageAsync("/admin/feedback?from=2031-01-01&to=2031-12-31");

        Assert.Equal("7", Figure(page, "count"));
        // 31 / 7 = 4.43
        Assert.Equal("4.4", Figure(page, "average"));
        Assert.Equal([1, 1, 0, 0, 2, 3], ChartCounts(page));
        Assert.Equal(
            "rating 1: 1 entry; rating 2: 1 entry; rating 3: 0 entries; rating 4: 0 entries; rating 5: 2 entries; rating 6: 3 entries.",
            page.QuerySelector("svg[role=img] desc")!.TextContent.Trim());
        Assert.Equal("rating-chart-title rating-chart-desc", page.QuerySelector("svg.rating-chart__svg")!.GetAttribute("aria-labelledby"));
        Assert.Contains("from 1 January 2031 to 31 December 2031 (UTC)", page.QuerySelector("#feedback-summary-heading")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(7, page.QuerySelectorAll(".admin-feedback-entry").Length);
    }

    [Fact]
    public async Task The_average_is_rounded_to_one_decimal_and_an_empty_period_says_no_ratings()
    {
        await AddAsync(Entry(1, "2039-05-01T10:00:00Z"), Entry(2, "2039-05-02T10:00:00Z"), Entry(2, "2039-05-03T10:00:00Z"));
        var staff = await EditorAsync();

        var rated = await staff.GetPageAsync("/admin/feedback?from=2039-01-01&to=2039-12-31");
        var empty = await staff.GetPageAsync("/admin/feedback?from=2040-01-01&to=2040-12-31");

        Assert.Equal("1.7", Figure(rated, "average"));
        Assert.Equal("0", Figure(empty, "count"));
        Assert.Contains("no ratings", empty.QuerySelector(".admin-feedback-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([0, 0, 0, 0, 0, 0], ChartCounts(empty));
        Assert.Contains("No feedback matches.", empty.QuerySelector("#feedback-entries-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ratings_dates_and_has_text_each_narrow_the_list_and_the_figures()
    {
        await AddAsync(
            Entry(1, "2033-01-15T09:00:00Z", liked: "one in January"),
            Entry(2, "2033-02-15T09:00:00Z", couldImprove: "two in February"),
            Entry(5, "2033-03-15T09:00:00Z"),
            Entry(6, "2033-04-15T09:00:00Z", liked: "six in April"),
            Entry(6, "2033-05-15T09:00:00Z", liked: "", couldImprove: ""));
        var staff = await EditorAsync();
        const string Year = "from=2033-01-01&to=2033-12-31";

        var lowRatings = await staff.GetPageAsync($"/admin/feedback?{Year}&rating=1&rating=2");
        var oneRating = await staff.GetPageAsync($"/admin/feedback?{Year}&rating=6");
        var spring = await staff.GetPageAsync("/admin/feedback?from=2033-02-15&to=2033-04-14");
        var withText = await staff.GetPageAsync($"/admin/feedback?{Year}&hasText=true");
        var all = await staff.GetPageAsync($"/admin/feedback?{Year}");

        Assert.Equal(["two in February", "one in January"], Liked(lowRatings).Zip(lowRatings.QuerySelectorAll("[data-field=could-improve]"), (l, c) => l == "(nothing written)" ? c.TextContent.Trim() : l));
        Assert.Equal([1, 1, 0, 0, 0, 0], ChartCounts(lowRatings));
        Assert.Equal("1.5", Figure(lowRatings, "average"));
        Assert.Equal("2", Figure(oneRating, "count"));
        Assert.Equal([0, 0, 0, 0, 0, 2], ChartCounts(oneRating));
        Assert.Equal("2", Figure(spring, "count"));
        Assert.Equal([0, 1, 0, 0, 1, 0], ChartCounts(spring));
        Assert.Equal(3, withText.QuerySelectorAll(".admin-feedback-entry").Length);
        Assert.Equal("3", Figure(withText, "count"));
        Assert.Equal("5", Figure(all, "count"));
        // The form shows the filter it was sent with, so the address can be shared and read back.
        Assert.True(((IHtmlInputElement)lowRatings.QuerySelector("#filter-rating-1")!).IsChecked);
        Assert.False(((IHtmlInputElement)lowRatings.QuerySelector("#filter-rating-5")!).IsChecked);
        Assert.Equal("2033-01-01", lowRatings.QuerySelector("#filter-from")!.GetAttribute("value"));
        Assert.True(((IHtmlInputElement)withText.QuerySelector("#filter-has-text")!).IsChecked);
    }

    [Fact]
    public async Task Entries_are_newest_first_fifty_a_page_and_the_pages_keep_the_filter()
    {
        var entries = Enumerable.Range(1, 55)
            .Select(day => Entry(day % 2 == 0 ? 4 : 3, new DateTime(2034, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(day).ToString("O", CultureInfo.InvariantCulture), liked: $"day {day}"))
            .ToArray();
        await AddAsync(entries);
        var staff = await EditorAsync();

        var first = await staff.GetPageAsync("/admin/feedback?rating=3&rating=4&from=2034-01-01&to=2034-12-31");
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var second = await staff.GetPageAsync(next);

        Assert.Equal(50, first.QuerySelectorAll(".admin-feedback-entry").Length);
        Assert.Equal(["day 55", "day 54", "day 53"], Liked(first).Take(3));
        Assert.Equal("/admin/feedback?rating=3&rating=4&from=2034-01-01&to=2034-12-31&page=2", next);
        Assert.Equal(["day 5", "day 4", "day 3", "day 2", "day 1"], Liked(second));
        Assert.Contains("55 entries, page 2 of 2", second.QuerySelector(".admin-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("55", Figure(second, "count"));
    }

    [Fact]
    public async Task Both_problems_of_an_address_are_named_together()
    {
        var staff = await EditorAsync();

        var page = await staff.GetPageAsync("/admin/feedback?rating=8&page=0", HttpStatusCode.BadRequest);

        var problems = page.QuerySelectorAll(".status-problems li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["“8” is not a rating: ratings go from 1 to 6.", "Choose a page from 1."], problems);
    }

    [Fact]
    public async Task The_csv_link_carries_the_filter_on_screen()
    {
        var staff = await EditorAsync();

        var page = await staff.GetPageAsync("/admin/feedback?rating=6&rating=1&from=2030-01-01&to=2030-01-31&hasText=true&page=1");

        Assert.Equal("/admin/feedback.csv?rating=1&rating=6&from=2030-01-01&to=2030-01-31&hasText=true",
            page.QuerySelector("a[href^='/admin/feedback.csv']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Markup_sent_as_feedback_is_shown_as_text_with_its_line_breaks_and_odd_pages_are_not_links()
    {
        await AddAsync(Entry(3, "2038-02-01T10:00:00Z",
            liked: "<script>alert('liked')</script>",
            couldImprove: "<b>first</b> line\nsecond line",
            email: "<i>reader</i>@example.org",
            page: "javascript:alert(1)"),
            Entry(4, "2038-02-02T10:00:00Z", liked: "fine", page: SeedFacts.ArticleUrl));
        var staff = await EditorAsync();

        using var response = await staff.GetAsync(new Uri("/admin/feedback?from=2038-02-01&to=2038-02-28", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await PageReading.ParseAsync(html);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>first</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;liked&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Equal("<b>first</b> line\nsecond line", page.QuerySelectorAll("[data-field=could-improve]")[^1].TextContent);
        Assert.Equal("<i>reader</i>@example.org", page.QuerySelector("[data-field=email]")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("a[href^=mailto], a[href^=javascript]"));
        Assert.Equal("javascript:alert(1)", page.QuerySelectorAll("[data-field=page]")[^1].TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"[data-field=page] a[href='{SeedFacts.ArticleUrl}']"));
    }

    [Fact]
    public async Task Feedback_sent_through_the_public_form_shows_up_for_staff()
    {
        var visitor = portal.CreateVisitor();
        var form = await visitor.GetPageAsync("/feedback");
        var token = form.QuerySelector("form.feedback-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var marker = "Clear menus " + Guid.NewGuid().ToString("N")[..8];
        using var sent = await visitor.PostFormAsync("/feedback", new FormFields()
            .Set("__RequestVerificationToken", token).Set("Rating", "5").Set("Liked", marker).Set("Page", SeedFacts.ArticleUrl));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await (await EditorAsync()).GetPageAsync($"/admin/feedback?from={today}&to={today}&hasText=true&rating=5");

        var entry = Assert.Single(page.QuerySelectorAll(".admin-feedback-entry"), e => e.TextContent.Contains(marker, StringComparison.Ordinal));
        Assert.Contains("Rating 5 out of 6", entry.TextContent.Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_a_byte_order_mark_a_header_and_exactly_the_filtered_entries_newest_first()
    {
        await AddAsync(
            Entry(2, "2035-03-01T08:00:00Z", liked: "March", email: "reader@example.org", page: "/about"),
            Entry(6, "2035-04-01T09:30:15Z", liked: "April"),
            Entry(6, "2035-05-01T10:00:00Z", liked: "May"),
            Entry(6, "2036-01-01T10:00:00Z", liked: "next year"));
        var staff = await EditorAsync();

        using var response = await staff.GetAsync(new Uri("/admin/feedback.csv?from=2035-01-01&to=2035-12-31&rating=2&rating=6&hasText=true", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var records = Csv.Parse(Encoding.UTF8.GetString(bytes.AsSpan(3)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"rsis-feedback-{DateTime.UtcNow:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.NotEqual(0xEF, bytes[3]);
        Assert.Equal(["Id", "Submitted (UTC)", "Rating", "Liked", "Could be better", "Email", "Page", "User agent"], records[0]);
        Assert.Equal(["May", "April", "March"], records.Skip(1).Select(r => r[3]));
        Assert.Equal(["2035-03-01T08:00:00Z", "2", "March", "", "reader@example.org", "/about", "FeedbackAdminTests/1.0"], records[3][1..]);
        Assert.Equal("2035-04-01T09:30:15Z", records[2][1]);
    }

    [Fact]
    public async Task Csv_cells_are_quoted_as_RFC_4180_says_and_every_formula_start_is_prefixed_with_an_apostrophe()
    {
        string[] dangerous = ["=1+1", "+1", "-1", "@SUM(A1:A9)", "\tTAB", "\rCR", "=HYPERLINK(\"http://evil.example\",\"click\")"];
        await AddAsync(
            [.. dangerous.Select((text, i) => Entry(3, $"2036-06-{i + 1:00}T10:00:00Z", liked: text, email: i == 1 ? "+tag@example.org" : null)),
             Entry(4, "2036-07-01T10:00:00Z", liked: "Good, \"clear\" writing", couldImprove: "line one\nline two\r\nline three", page: "/a,b")]);
        var staff = await EditorAsync();

        using var response = await staff.GetAsync(new Uri("/admin/feedback.csv?from=2036-06-01&to=2036-07-31", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).AsSpan(3));
        var records = Csv.Parse(text);

        Assert.Equal(9, records.Count);
        Assert.Equal(
            ["'=1+1", "'+1", "'-1", "'@SUM(A1:A9)", "'\tTAB", "'\rCR", "'=HYPERLINK(\"http://evil.example\",\"click\")"],
            records.Skip(1).Where(r => r[2] == "3").OrderBy(r => r[1], StringComparer.Ordinal).Select(r => r[3]));
        Assert.Contains(records, r => r[5] == "'+tag@example.org");
        var quoted = Assert.Single(records, r => r[2] == "4");
        Assert.Equal(["Good, \"clear\" writing", "line one\nline two\r\nline three", "", "/a,b"], quoted[3..7]);
        // The raw text: quotes doubled inside a quoted cell, records ended by CRLF.
        Assert.Contains("\"Good, \"\"clear\"\" writing\"", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.All(records.Skip(1), r => Assert.Matches("^[0-9]+$", r[0]));
    }

    [Fact]
    public async Task A_few_thousand_entries_export_in_full()
    {
        var start = new DateTime(2037, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await AddAsync([.. Enumerable.Range(0, 3000).Select(i => Entry(i % 6 + 1, start.AddMinutes(i * 7).ToString("O", CultureInfo.InvariantCulture), liked: $"entry {i}, with a comma"))]);
        var staff = await EditorAsync();

        using var response = await staff.GetAsync(new Uri("/admin/feedback.csv?from=2037-01-01&to=2037-12-31", UriKind.Relative), TestContext.Current.CancellationToken);
        var records = Csv.Parse(Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).AsSpan(3)));
        var page = await staff.GetPageAsync("/admin/feedback?from=2037-01-01&to=2037-12-31");

        Assert.Equal(3001, records.Count);
        Assert.Equal("entry 2999, with a comma", records[1][3]);
        Assert.Equal("entry 0, with a comma", records[^1][3]);
        Assert.Equal("3,000", Figure(page, "count"));
        Assert.Equal("3.5", Figure(page, "average"));
        Assert.Equal([500, 500, 500, 500, 500, 500], ChartCounts(page));
        Assert.Contains("Download these 3,000 entries as CSV", page.QuerySelector("a[href^='/admin/feedback.csv']")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?from=2026-02-30", "“2026-02-30” is not a date for “From”: write it as YYYY-MM-DD, for example 2026-03-31.")]
    [InlineData("?from=yesterday", "“yesterday” is not a date for “From”")]
    [InlineData("?to=31/03/2026", "“31/03/2026” is not a date for “To”")]
    [InlineData("?from=2026-03-05&to=2026-03-01", "The “From” date (2026-03-05) is after the “To” date (2026-03-01)")]
    [InlineData("?rating=7", "“7” is not a rating: ratings go from 1 to 6.")]
    [InlineData("?rating=0&rating=3", "“0” is not a rating: ratings go from 1 to 6.")]
    [InlineData("?rating=abc", "“abc” is not a valid rating.")]
    [InlineData("?rating=99999999999", "“99999999999” is not a valid rating.")]
    [InlineData("?page=0", "Choose a page from 1.")]
    [InlineData("?page=abc", "“abc” is not a valid page.")]
    [InlineData("?hasText=maybe", "“maybe” is not a valid hasText.")]
    public async Task Invalid_filters_get_a_400_page_in_the_layout_saying_what_is_wrong(string query, string message)
    {
        var staff = await EditorAsync();

        var page = await staff.GetPageAsync("/admin/feedback" + query, HttpStatusCode.BadRequest);

        Assert.Contains(message, page.QuerySelector(".status-problems")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#site-nav"));
    }

    [Theory]
    [InlineData("?from=2026-13-01", "“2026-13-01” is not a date for “From”")]
    [InlineData("?rating=9", "“9” is not a rating")]
    public async Task The_csv_refuses_invalid_filters_with_the_same_400_page(string query, string message)
    {
        var staff = await EditorAsync();

        var page = await staff.GetPageAsync("/admin/feedback.csv" + query, HttpStatusCode.BadRequest);

        Assert.Contains(message, page.QuerySelector(".status-problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_date_is_refused_without_being_repeated_whole()
    {
        var staff = await EditorAsync();

        var page = await staff.GetPageAsync("/admin/feedback?from=" + new string('9', 10_000), HttpStatusCode.BadRequest);

        var problem = page.QuerySelector(".status-problems")!.TextContent.Trim();
        Assert.Contains("is not a date for “From”", problem, StringComparison.Ordinal);
        Assert.True(problem.Length < 200, $"The message is {problem.Length} characters long.");
    }

    /// <summary>A reader of RFC 4180 CSV, strict enough to catch a quoting mistake: a stray quote fails.</summary>
    private static class Csv
    {
        public static List<string[]> Parse(string text)
        {
            var records = new List<string[]>();
            var record = new List<string>();
            var cell = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '"' && cell.Length == 0)
                {
                    i++;
                    while (true)
                    {
                        Assert.True(i < text.Length, "A quoted cell is not closed.");
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                cell.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        cell.Append(text[i++]);
                    }

                    Assert.True(i == text.Length || text[i] is ',' or '\r', $"Text after a closing quote at {i}.");
                    continue;
                }

                switch (text[i])
                {
                    case ',':
                        record.Add(cell.ToString());
                        cell.Clear();
                        i++;
                        break;
                    case '\r':
                        Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"A bare CR at {i} outside quotes.");
                        record.Add(cell.ToString());
                        cell.Clear();
                        records.Add([.. record]);
                        record.Clear();
                        i += 2;
                        break;
                    case '"':
                        Assert.Fail($"A quote inside an unquoted cell at {i}.");
                        break;
                    case '\n':
                        Assert.Fail($"A bare LF at {i} outside quotes.");
                        break;
                    default:
                        cell.Append(text[i++]);
                        break;
                }
            }

            Assert.True(record.Count == 0 && cell.Length == 0, "The last record does not end with CRLF.");
            return records;
        }
    }
}

/// <summary>
/// The dashboard's figures for this month, in a database of its own: other feedback tests send entries today,
/// which would count here too.
/// </summary>
public sealed class FeedbackDashboardTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    [Fact]
    public async Task The_dashboard_shows_this_months_feedback_and_links_to_it()
    {
        var now = DateTime.UtcNow;
        var marker = Guid.NewGuid().ToString("N");
        await portal.WithDatabaseAsync(async db =>
        {
            // Two entries this month (4 and 5: an average of 4.5), one just before it.
            var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            db.Feedback.AddRange(
                new FeedbackEntry { Rating = 4, SubmittedAtUtc = monthStart, Liked = marker + " first", PagePath = "/", UserAgent = "FeedbackDashboardTests/1.0" },
                new FeedbackEntry { Rating = 5, SubmittedAtUtc = now, Liked = marker + " second", PagePath = "/", UserAgent = "FeedbackDashboardTests/1.0" },
                new FeedbackEntry { Rating = 1, SubmittedAtUtc = monthStart.AddSeconds(-1), Liked = marker + " last month", PagePath = "/", UserAgent = "FeedbackDashboardTests/1.0" });
            return await db.SaveChangesAsync();
        });
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var firstDay = new DateOnly(now.Year, now.Month, 1);

        var dashboard = await staff.GetPageAsync("/admin");
        var link = dashboard.QuerySelector(".admin-stats a[href^='/admin/feedback']")!;
        var month = await staff.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal($"/admin/feedback?from={firstDay:yyyy-MM-dd}&to={firstDay.AddMonths(1).AddDays(-1):yyyy-MM-dd}", link.GetAttribute("href"));
        Assert.Contains("feedback entries this month", link.TextContent.Squash(), StringComparison.Ordinal);
        Assert.Equal("2", link.QuerySelector(".admin-stat__number")!.TextContent.Trim());
        Assert.Contains("average rating 4.5 out of 6", link.ParentElement!.TextContent, StringComparison.Ordinal);
        // The link opens exactly those two entries.
        Assert.Equal([marker + " second", marker + " first"],
            month.QuerySelectorAll(".admin-feedback-entry [data-field=liked]").Select(d => d.TextContent.Trim()));
    }
}
