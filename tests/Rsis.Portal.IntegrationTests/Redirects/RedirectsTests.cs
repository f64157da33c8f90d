using System.Net;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Redirects;

/// <summary>
/// Old addresses keep working: renames leave redirects behind, chains collapse to one 301, and staff add and
/// delete redirects at /admin/redirects, refused beside the field when one could never be used or would mislead.
/// </summary>
public sealed class RedirectsTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string Form = "form[action='/admin/redirects/new']";

    [Fact]
    public async Task An_author_renamed_twice_answers_the_first_address_and_its_feed_with_one_301_to_the_last()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateItemAsync("authors", f => f.Set("Name", "Ana Tan").Set("Slug", "ana-tan"));
        using var first = await staff.SaveItemAsync("authors", id, (await staff.ItemFormAsync("authors", id)).Set("Slug", "ana-tan-b"));
        using var second = await staff.SaveItemAsync("authors", id, (await staff.ItemFormAsync("authors", id)).Set("Slug", "ana-tan-c"));
        var reader = portal.CreateReader();

        using var oldest = await reader.GetAsync(new Uri("/authors/ana-tan?page=1", UriKind.Relative), TestContext.Current.CancellationToken);
        using var middle = await reader.GetAsync(new Uri("/authors/ana-tan-b", UriKind.Relative), TestContext.Current.CancellationToken);
        using var feed = await reader.GetAsync(new Uri("/feeds/authors/ana-tan.rss", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, oldest.StatusCode);
        Assert.Equal("/authors/ana-tan-c?page=1", oldest.Location());
        Assert.Equal("/authors/ana-tan-c", middle.Location());
        Assert.Equal(HttpStatusCode.MovedPermanently, feed.StatusCode);
        Assert.Equal("/feeds/authors/ana-tan-c.rss", feed.Location());
        // Two rows, both straight to the last address.
        var targets = await portal.WithDatabaseAsync(db => db.Redirects.Where(r => r.OldPath.StartsWith("/authors/ana-tan")).Select(r => r.Target).ToListAsync());
        Assert.Equal(["/authors/ana-tan-c", "/authors/ana-tan-c"], targets);
    }

    [Fact]
    public async Task A_redirect_added_by_hand_answers_with_a_301_and_is_listed_found_and_deleted_with_confirmation()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var reader = portal.CreateReader();

        using var added = await AddAsync(staff, "/old-site/events.php", "/publications");
        using var moved = await reader.GetAsync(new Uri("/old-site/events.php?id=3", UriKind.Relative), TestContext.Current.CancellationToken);
        var list = await staff.GetPageAsync("/admin/redirects");
        var found = await staff.GetPageAsync("/admin/redirects?q=events.php");
        var notFound = await staff.GetPageAsync("/admin/redirects?q=no-such-address");
        var id = await portal.WithDatabaseAsync(db => db.Redirects.Where(r => r.OldPath == "/old-site/events.php").Select(r => r.Id).SingleAsync());
        using var deleted = await staff.ConfirmDeleteAsync("redirects", id);
        using var gone = await reader.GetAsync(new Uri("/old-site/events.php", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/publications?id=3", moved.Location());
        Assert.Contains("/old-site/events.php", list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("/old-site/events.php", found.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Null(notFound.QuerySelector("table"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var audited = await portal.WithDatabaseAsync(db => db.AuditEntries.Where(e => e.EntityType == "Redirect" && e.EntityLabel == "/old-site/events.php").CountAsync());
        Assert.Equal(2, audited);
    }

    [Theory]
    [InlineData("/publications")]
    [InlineData("/search")]
    [InlineData("/admin/redirects")]
    [InlineData("/")]
    [InlineData(SeedFacts.ArticleUrl)]
    [InlineData("//evil.example/x")]
    [InlineData("old-page-without-slash")]
    public async Task A_redirect_from_a_live_or_malformed_address_is_refused_beside_the_field_and_nothing_is_stored(string oldPath)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var before = await portal.WithDatabaseAsync(db => db.Redirects.CountAsync());

        using var refused = await AddAsync(staff, oldPath, "/search");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await refused.ReadPageAsync()).FieldError("OldPath"));
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.Redirects.CountAsync()));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\\evil.example")]
    [InlineData("ftp://files.example/x")]
    public async Task A_redirect_to_another_site_in_disguise_or_a_script_is_refused_beside_the_field(string target)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var refused = await AddAsync(staff, "/old-site/disguised", target);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await refused.ReadPageAsync()).FieldError("Target"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Redirects.AnyAsync(r => r.OldPath == "/old-site/disguised")));
    }

    [Fact]
    public async Task A_redirect_that_would_make_a_loop_is_refused_and_one_onto_a_moved_address_goes_straight_to_the_end()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        using var ab = await AddAsync(staff, "/old-site/a", "/old-site/b");

        using var loop = await AddAsync(staff, "/old-site/b", "/old-site/a");
        using var self = await AddAsync(staff, "/old-site/c", "/old-site/c");
        using var bc = await AddAsync(staff, "/old-site/b", "https://www.example.org/c");
        using var db2 = await AddAsync(staff, "/old-site/d", "/old-site/a");

        Assert.Equal(HttpStatusCode.Redirect, ab.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, loop.StatusCode);
        Assert.Contains("loop", (await loop.ReadPageAsync()).FieldError("Target"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, bc.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, db2.StatusCode);
        var reader = portal.CreateReader();
        using var a = await reader.GetAsync(new Uri("/old-site/a", UriKind.Relative), TestContext.Current.CancellationToken);
        using var d = await reader.GetAsync(new Uri("/old-site/d", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("https://www.example.org/c", a.Location());
        Assert.Equal("https://www.example.org/c", d.Location());
    }

    [Fact]
    public async Task A_renamed_article_answers_its_old_address_and_old_pdf_addresses_with_one_301_each()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Tides of the Straits", status: "Published");
        var before = await staff.PublicAddressAsync(id);
        using var saved = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Title", "Tides of Malacca"));
        var after = await staff.PublicAddressAsync(id);
        var reader = portal.CreateReader();

        using var page = await reader.GetAsync(new Uri(before, UriKind.Relative), TestContext.Current.CancellationToken);
        using var pdf = await reader.GetAsync(new Uri(before + ".pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        using var slashPdf = await reader.GetAsync(new Uri(before + "/pdf", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.NotEqual(before, after);
        Assert.Equal(after, page.Location());
        Assert.Equal(after + ".pdf", pdf.Location());
        Assert.Equal(after + "/pdf", slashPdf.Location());
    }

    [Fact]
    public async Task A_page_that_answers_is_shown_even_if_a_redirect_row_names_its_address()
    {
        // The screen refuses such a row (see above); one written straight into the table is never consulted.
        var id = await portal.WithDatabaseAsync(async db =>
        {
            var row = new Rsis.Portal.Domain.Navigation.Redirect { OldPath = "/authors/c-raja-mohan", Target = "/search" };
            db.Redirects.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

        using var page = await portal.CreateReader().GetAsync(new Uri("/authors/c-raja-mohan", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await portal.WithDatabaseAsync(db => db.Redirects.Where(r => r.Id == id).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task Editors_open_the_redirects_screen_uncached_and_anonymous_visitors_are_sent_to_sign_in()
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        using var anonymous = await portal.CreateReader().GetAsync(new Uri("/admin/redirects", UriKind.Relative), TestContext.Current.CancellationToken);
        using var screen = await editor.GetAsync(new Uri("/admin/redirects", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/admin/login", anonymous.Location(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, screen.StatusCode);
        Assert.True(screen.Headers.CacheControl?.NoStore, "The redirects screen must not be stored.");
    }

    private static async Task<HttpResponseMessage> AddAsync(HttpClient staff, string oldPath, string target)
    {
        var form = FormFields.Of(await staff.GetPageAsync("/admin/redirects/new"), Form);
        return await staff.PostFormAsync("/admin/redirects/new", form.Set("OldPath", oldPath).Set("Target", target));
    }
}
