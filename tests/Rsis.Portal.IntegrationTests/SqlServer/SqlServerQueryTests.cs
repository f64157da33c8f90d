using System.Globalization;
// EF1001: replacing EF's query compiler (an internal service) is how the shadow sees every query; see SqlServerShadow.
#pragma warning disable EF1001
using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Dom;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Application.Publications.ExtractPdfText;
using Rsis.Portal.Application.Search;
using Rsis.Portal.Application.Subscriptions;
using Rsis.Portal.Application.Subscriptions.ForgetUnconfirmed;
using Rsis.Portal.Application.Subscriptions.QueueWeeklyDigests;
using Rsis.Portal.Application.Subscriptions.SendOutbox;
using Rsis.Portal.Infrastructure.Persistence;
using Rsis.Portal.Infrastructure.Search;
using Rsis.Portal.IntegrationTests.Feedback;
using Rsis.Portal.IntegrationTests.Infrastructure;
using Rsis.Portal.Migrations.SqlServer;

namespace Rsis.Portal.IntegrationTests.SqlServer;

/// <summary>
/// The portal on SQLite with the SQL Server shadow (<see cref="SqlServerShadow"/>) watching its queries, the
/// LIKE search SQL Server uses, and every GET route the requests reached remembered.
/// </summary>
public sealed class SqlServerShadowPortal : StaffPortal
{
    public SqlServerShadow Shadow { get; } = new();

    public ConcurrentDictionary<string, string> RoutesReached { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Shadow);
            services.ConfigureDbContext<PortalDbContext>(
                db => db.ReplaceService<IQueryCompiler, ShadowQueryCompiler>().AddInterceptors(new ShadowSaves(Shadow)), ServiceLifetime.Singleton);
            services.AddScoped<IPublicationSearch, LikePublicationSearch>();
            services.AddSingleton<ISimilarPublications, NoSimilarPublications>();
            services.AddSingleton<IStartupFilter>(new RouteRecorder(this));
        });
    }

    /// <summary>Names each request in the shadow's records and remembers the route pattern it reached.</summary>
    private sealed class RouteRecorder(SqlServerShadowPortal portal) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                var path = context.Request.Path + context.Request.QueryString;
                portal.Shadow.Request = context.Request.Method + " " + path;
                await following(context);
                if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern })
                {
                    portal.RoutesReached.TryAdd(pattern, path);
                }
            });
            next(app);
        };
    }
}

/// <summary>
/// SQL Server, which cannot run here, checked without an engine: every query the app runs while a member of staff
/// and a reader walk the whole site (every link from the home page and the admin area, every form sent as it stands,
/// searches with filters, feeds, the sitemap, feedback filters, history, redirects, the Trash) is translated by the
/// SQL Server provider with no client evaluation and no warning, and the SQL it makes parses as T-SQL. New pages and
/// queries are found by following links, and a GET route the walk never reached fails the test.
/// </summary>
public sealed class SqlServerQueryTests(SqlServerShadowPortal portal) : IClassFixture<SqlServerShadowPortal>
{
    /// <summary>Where the walk starts: what links alone do not reach (searches, filters, machine files).</summary>
    private static readonly string[] Starts =
    [
        "/", "/admin", "/admin/audit", "/admin/users", "/admin/account/password",
        "/search?q=cyber", "/search?q=cyber+security&series=rsis-commentary-series&year=2013&page=2",
        "/search?q=zzzz+cyber", "/search?q=CO13046", "/search?q=" + PdfOnlyWord,
        "/sitemap.xml", "/sitemap-1.xml", "/robots.txt", "/feedback", "/feedback/thanks", "/feedback/token",
        "/admin/feedback?rating=1&rating=2&from=2026-03-01&to=2026-03-31&hasText=true",
        "/admin/feedback.csv?rating=5&hasText=true", "/admin/redirects?q=co13046",
        "/admin/publications/suggest-code?series=1", SeedFacts.ArticleUrl + "/pdf", "/subscribe?list=events",
        "/events/past?year=2025&page=2", "/search?q=seminar&in=events",
        SeedFacts.ArticleUrl + "/card.png",
        "/oai?verb=Identify", "/oai?verb=ListSets", "/oai?verb=ListMetadataFormats&identifier=oai:localhost:CO13046",
        "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:CO13046",
        "/oai?verb=ListRecords&metadataPrefix=oai_dc&set=rsis-commentary-series&from=2013-01-01&until=2099-12-31",
        "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=group.rsis-publications",
        "/authors?letter=C&q=raja", "/categories", "/promo-image",
    ];

    /// <summary>A word only in the PDF uploaded in <see cref="MakeHistoryAsync"/>: searching it reads the PDFs' text.</summary>
    private const string PdfOnlyWord = "glimmerwort";

    /// <summary>GET routes the walk cannot reach, and why.</summary>
    private static readonly string[] Unreached =
    [
        // Only drawn for another request's status code; asked for directly they answer 404 without a query.
        "error", "error/{code:int}",
    ];

    /// <summary>Forms the walk does not send: they would take away what the rest of the walk reads.</summary>
    private static readonly HashSet<string> Destructive = new(["delete", "remove", "logout", "sign-out-everywhere"], StringComparer.Ordinal);

    /// <summary>Tables of ASP.NET Core Identity for external sign-ins and authenticator tokens, which the portal does not use.</summary>
    private static readonly string[] UnusedTables = ["AspNetUserLogins", "AspNetUserTokens"];

    [Fact]
    public async Task Every_query_the_site_sends_translates_for_sql_server_and_parses_as_t_sql()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        await portal.CreateStaffAsync(StaffRoles.Editor);
        // Subscribers first, so the publication the history is made with is announced to them.
        var subscriptions = await MakeSubscriptionsAsync();
        var preview = await MakeHistoryAsync(staff);
        await portal.WithServiceAsync<ISender, int>(async sender =>
            await sender.Send(new SendOutbox(), TestContext.Current.CancellationToken)
            + await sender.Send(new QueueWeeklyDigests(DateTime.UtcNow.AddMinutes(1), 1), TestContext.Current.CancellationToken)
            + await sender.Send(new ForgetUnconfirmed(), TestContext.Current.CancellationToken));

        var visited = await WalkAsync(staff, [.. Starts, preview, .. subscriptions]);

        var failures = portal.Shadow.Failures.ToList();
        Assert.True(failures.Count == 0, "Not translated for SQL Server:\n" + string.Join("\n\n", failures.Take(5).Select(f => $"{f.Request}: {f.Error}\n{f.Query}")));
        var statements = portal.Shadow.Statements.ToList();
        var unparsed = statements.Select(s => (s.Request, s.Sql, TransactSql.Check(s.Sql).Errors)).Where(s => s.Errors.Count > 0).ToList();
        Assert.True(unparsed.Count == 0, "Not T-SQL:\n" + string.Join("\n\n", unparsed.Take(5).Select(u => $"{u.Request}: {u.Errors[0]}")));

        var missed = GetRoutes().Except(portal.RoutesReached.Keys).Except(Unreached).ToList();
        Assert.True(missed.Count == 0, "GET routes the walk never reached (link to them, or add a start): " + string.Join(", ", missed));
        using var design = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var tables = design.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        var unread = tables.Except(UnusedTables).Where(table => !statements.Exists(s => !s.IsWrite && s.Sql.Contains($"[{table}]", StringComparison.Ordinal))).ToList();
        Assert.True(unread.Count == 0, "Tables no checked query read: " + string.Join(", ", unread));
        foreach (var area in new[] { "/publications/", "/search", "/feeds/", "/sitemap", "/oai", "/admin/feedback", "/history", "/admin/redirects", "/admin/trash", "/admin/publications" })
        {
            Assert.Contains(statements, s => s.Request.Contains(area, StringComparison.Ordinal));
        }

        // The saves: every form the walk sent, the history made above, and the sign-ins, each written again by the
        // SQL Server provider. Adding, changing and deleting rows all reach the tables staff work in.
        var writes = statements.Where(s => s.IsWrite).ToList();
        foreach (var (verb, table) in new[]
        {
            ("INSERT INTO", "Publications"), ("INSERT INTO", "Revisions"), ("INSERT INTO", "AuditEntries"), ("INSERT INTO", "PublicationAuthors"),
            ("UPDATE", "Publications"), ("UPDATE", "SiteSettings"), ("UPDATE", "Pages"), ("UPDATE", "AspNetUsers"),
            ("DELETE FROM", "Authors"), ("INSERT INTO", "Feedback"),
        })
        {
            Assert.True(
                writes.Exists(w => w.Sql.Contains($"{verb} [{table}]", StringComparison.Ordinal)),
                $"No save wrote {verb} [{table}]; the saves wrote to: " + string.Join(", ", tables.Where(t => writes.Exists(w => w.Sql.Contains($"[{t}]", StringComparison.Ordinal)))));
        }

        // The background reader of PDF text stores what it read; the search reads it.
        Assert.Contains(statements, s => s.Sql.Contains("UPDATE [p]", StringComparison.Ordinal) && s.Sql.Contains("[TextStatus]", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Request.Contains(PdfOnlyWord, StringComparison.Ordinal) && s.Sql.Contains("[ExtractedText] LIKE", StringComparison.Ordinal));

        var distinct = statements.Select(s => s.Sql).Distinct(StringComparer.Ordinal).Count();
        var written = tables.Count(t => writes.Exists(w => w.Sql.Contains($"[{t}]", StringComparison.Ordinal)));
        TestContext.Current.SendDiagnosticMessage(
            $"SQL Server shadow: {visited} requests, {statements.Count} statements ({distinct} distinct) parsed, {tables.Count} tables read; "
            + $"{writes.Count} of them saves ({writes.Select(w => w.Sql).Distinct(StringComparer.Ordinal).Count()} distinct), writing {written} tables.");
    }

    [Fact]
    public async Task A_query_sql_server_cannot_translate_is_reported_with_the_request_it_ran_in()
    {
        // SQLite's GLOB has no SQL Server translation: the kind of query the walk above must catch.
        var shadow = new SqlServerShadow { Request = "GET /a-new-page" };
        var (untranslatable, translatable) = await portal.WithDatabaseAsync(db => Task.FromResult((
            db.Publications.Where(p => EF.Functions.Glob(p.Title, "US*")).Expression,
            db.Publications.Where(p => p.Title.StartsWith("US")).Select(p => p.Code).Expression)));

        shadow.Translate(untranslatable, typeof(IAsyncEnumerable<Domain.Publications.Publication>));
        shadow.Translate(translatable, typeof(IAsyncEnumerable<string>));

        var failure = Assert.Single(shadow.Failures);
        Assert.Equal("GET /a-new-page", failure.Request);
        Assert.Contains("could not be translated", failure.Error, StringComparison.Ordinal);
        var statement = Assert.Single(shadow.Statements);
        Assert.Contains("LIKE N'US%'", statement.Sql, StringComparison.Ordinal);
        Assert.Empty(TransactSql.Check(statement.Sql).Errors);
    }

    /// <summary>
    /// A renamed publication, changed settings, a page in the Trash, a deleted author and two events, so revisions,
    /// redirects, the Trash and the events tables have rows (and the saves include a DELETE), and a reader's
    /// feedback; answers the address of the publication's shared preview.
    /// </summary>
    private async Task<string> MakeHistoryAsync(HttpClient staff)
    {
        var settings = FormFields.Of(await staff.GetPageAsync("/admin/settings"), "#settings-form");
        using (var savedSettings = await staff.PostFormAsync("/admin/settings", settings.Set("Tagline", "Think Tank and Graduate School, since 1996")))
        {
            Assert.Equal(HttpStatusCode.Redirect, savedSettings.StatusCode);
        }

        // The promo's picture (the site's own touch icon is a real PNG), so /promo-image answers with it.
        var picture = await staff.GetByteArrayAsync(new Uri("/apple-touch-icon.png", UriKind.Relative), TestContext.Current.CancellationToken);
        using (var uploaded = await staff.UploadPromoImageAsync(picture, "cover.png", "image/png"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var page = await staff.CreateItemAsync("pages", form => form.Set("Title", "A page for the Trash").Set("Slug", "a-page-for-the-trash").Set("Body", "Soon gone."));
        using (var deleted = await staff.ConfirmDeleteAsync("pages", page))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        using (var feedback = await staff.PostFeedbackAsync(await staff.GetTokenAsync(),
            [FeedbackSending.Field("Rating", "5"), FeedbackSending.Field("Liked", "The menus"), FeedbackSending.Field("Page", "/")]))
        {
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        }

        var author = await staff.CreateItemAsync("authors", form => form.Set("Name", "An Author for Deleting"));
        using (var deletedAuthor = await staff.ConfirmDeleteAsync("authors", author))
        {
            Assert.Equal(HttpStatusCode.Redirect, deletedAuthor.StatusCode);
        }

        // An event with a speaker, a category and a related publication, and one over, so every events table has rows.
        var authorId = await portal.WithDatabaseAsync(db => db.Authors.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var categoryId = await portal.WithDatabaseAsync(db => db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        await staff.CreateEventAsync("Cyber seminar", change: f => f
            .Set("StartsAt", "2030-01-10T10:00").Set("EndsAt", "2030-01-10T12:00")
            .Set("SpeakerIds", authorId.ToString(CultureInfo.InvariantCulture)).Set("CategoryIds", categoryId.ToString(CultureInfo.InvariantCulture))
            .Set("RelatedPublicationCodes", "CO13046").Set("Summary", "A seminar on cyber norms."));
        await staff.CreateEventAsync("Past seminar", change: f => f.Set("StartsAt", "2025-01-10T10:00").Set("EndsAt", "2025-01-10T12:00"));

        var publication = await staff.CreatePublicationAsync("Cyber norms in Southeast Asia", status: "Published");
        var form = await staff.EditFormAsync(publication);
        using var saved = await staff.SaveAsync(publication, form.Set("Title", "Cyber norms in Southeast Asia, revisited"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // An uploaded PDF, its text read as the background reader reads it (which may be at it too).
        using (var uploaded = await staff.UploadPdfAsync(publication, ReportPdfs.WithWordOnPage(3, 2, PdfOnlyWord), "norms.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        await portal.WithServiceAsync<ISender, int>(async sender => await sender.Send(new ExtractPendingPdfText(), TestContext.Current.CancellationToken));
        var edit = await staff.GetPageAsync($"/admin/publications/{publication}/edit");
        return new Uri(((IHtmlInputElement)edit.QuerySelector("input#preview-link")!).Value).PathAndQuery;
    }

    /// <summary>
    /// Email subscriptions gone through as readers go through them (subscribe, confirm, change lists, one-click
    /// unsubscribe); answers the mailed links' pages and the staff page's searches for the walk.
    /// </summary>
    private async Task<string[]> MakeSubscriptionsAsync()
    {
        var reader = portal.CreateVisitor();
        string[] emails = ["walker-1@example.org", "walker-2@example.org", "walker-3@example.org"];
        foreach (var email in emails)
        {
            var form = FormFields.Of(await reader.GetPageAsync("/subscribe?list=publications"), "#subscribe-form")
                .Set("Email", email).Set("Publications", "chosen").Set("Series", "1").Set("Events", "true");
            using var subscribed = await reader.PostFormAsync("/subscribe", form);
            Assert.True(subscribed.StatusCode == HttpStatusCode.Redirect, (await subscribed.ReadPageAsync()).QuerySelector("[role=alert]")?.TextContent);
        }

        var links = await portal.WithServiceAsync<SubscriptionLinks, string[]>(async links =>
        {
            var subscribers = await portal.WithDatabaseAsync(db => db.Subscribers.AsNoTracking().OrderBy(s => s.Email).ToListAsync());
            return
            [
                links.Absolute(SubscriptionLinks.ConfirmPath, LinkPurpose.Confirm, subscribers[0]),
                links.Absolute(SubscriptionLinks.ConfirmPath, LinkPurpose.Confirm, subscribers[1]),
                links.Absolute(SubscriptionLinks.OneClickPath, LinkPurpose.Manage, subscribers[2]),
            ];
        });
        var confirm = links.Select(l => new Uri(l).PathAndQuery).ToArray();
        using (var confirmed = await reader.PostFormAsync("/subscribe/confirm", FormFields.Of(await reader.GetPageAsync(confirm[0]), "#confirm-form")))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        var manage = await portal.WithServiceAsync<SubscriptionLinks, string>(async links =>
        {
            var first = await portal.WithDatabaseAsync(db => db.Subscribers.AsNoTracking().SingleAsync(s => s.Email == emails[0]));
            return new Uri(links.Absolute(SubscriptionLinks.ManagePath, LinkPurpose.Manage, first)).PathAndQuery;
        });
        using (var changed = await reader.PostFormAsync("/subscribe/manage", FormFields.Of(await reader.GetPageAsync(manage), "#manage-form").Set("Frequency", "WeeklyDigest")))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        using (var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))
        using (var left = await portal.CreateReader().PostAsync(new Uri(confirm[2], UriKind.Relative), body, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        }

        return
        [
            "/subscribe/check-inbox", confirm[1], manage, manage.Replace(SubscriptionLinks.ManagePath, SubscriptionLinks.UnsubscribePath, StringComparison.Ordinal),
            confirm[2].Replace("token=", "token=x", StringComparison.Ordinal), "/admin/subscriptions?address=" + emails[0],
            "/admin/subscriptions?show=sent", "/admin/subscriptions?show=failed",
        ];
    }

    /// <summary>
    /// Follows every link on the site from <paramref name="starts"/>, once per shape of address (ids and slugs of the same
    /// route count once), and sends every form found on the way as it stands (but those that delete or sign out); answers the number of requests.
    /// </summary>
    private static async Task<int> WalkAsync(HttpClient staff, IEnumerable<string> starts)
    {
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var forms = new List<(string Page, string Action)>();
        var requests = 0;
        while (queue.Count > 0 && requests < 600)
        {
            var url = queue.Dequeue();
            if (!seen.Add(Shape(url)))
            {
                continue;
            }

            requests++;
            using var response = await staff.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True((int)response.StatusCode < 500, $"GET {url} answered {(int)response.StatusCode}.");
            if (response.Headers.Location is { } location && IsOurs(location.OriginalString))
            {
                queue.Enqueue(location.OriginalString);
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = await response.ReadPageAsync();
            foreach (var href in document.QuerySelectorAll("a[href], link[rel=alternate][href]").Select(a => a.GetAttribute("href")!))
            {
                if (IsOurs(href))
                {
                    queue.Enqueue(href);
                }
            }

            forms.AddRange(document.QuerySelectorAll("form[method=post][action]").OfType<IHtmlFormElement>()
                .Select(f => f.GetAttribute("action")!)
                .Where(action => action.StartsWith("/admin/", StringComparison.Ordinal) && !Destructive.Contains(action[(action.LastIndexOf('/') + 1)..]))
                .Select(action => (url, action)));
        }

        foreach (var (page, action) in forms.DistinctBy(f => Shape(f.Action)))
        {
            requests++;
            var fields = FormFields.Of(await staff.GetPageAsync(page), $"form[action='{action}']");
            using var response = await staff.PostFormAsync(action, fields);
            Assert.True((int)response.StatusCode < 500, $"POST {action} answered {(int)response.StatusCode}.");
        }

        return requests;
    }

    private static bool IsOurs(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.StartsWith("/lib/", StringComparison.Ordinal) && !href.StartsWith("/css/", StringComparison.Ordinal)
        && !href.StartsWith("/js/", StringComparison.Ordinal) && !href.StartsWith("/images/", StringComparison.Ordinal)
        && !href.StartsWith("/fonts/", StringComparison.Ordinal) && !href.Contains('#', StringComparison.Ordinal);

    /// <summary>An address with its numbers taken out, and its query's names but not values: one visit per kind of page.</summary>
    private static string Shape(string url)
    {
        var parts = url.Split('?', 2);
        var path = string.Join('/', parts[0].Split('/').Select(segment => segment.All(char.IsAsciiDigit) && segment.Length > 0 ? "{n}" : segment));
        var query = parts.Length > 1
            ? string.Join('&', parts[1].Split('&').Select(pair => pair.Split('=')[0]).Order(StringComparer.Ordinal))
            : "";
        return path + "?" + query + (parts.Length > 1 && parts[1].Contains("q=", StringComparison.Ordinal) ? parts[1] : "");
    }

    /// <summary>Every controller route that answers GET.</summary>
    private List<string> GetRoutes() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null
                && (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true))
            .Select(e => e.RoutePattern.RawText)
            .OfType<string>()
            .Distinct()
            .ToList();
}
