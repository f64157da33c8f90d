using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Application.Previews;
using Rsis.Portal.IntegrationTests.Infrastructure;
using Rsis.Portal.Web.Configuration;

namespace Rsis.Portal.IntegrationTests.Previews;

/// <summary>
/// The staff portal on a fake clock that starts at the real time: Data Protection checks a link's expiry against
/// the machine's clock as well as the portal's, so the fake clock must not start behind it.
/// </summary>
public sealed class PreviewPortal : StaffPortal
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

/// <summary>Previews of drafts and unsaved changes for staff, and preview links shared with people without an account.</summary>
public sealed class PreviewTests(PreviewPortal portal) : IClassFixture<PreviewPortal>
{
    private const string Banner = "Preview — not published";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_see_a_draft_as_readers_will_with_the_banner_and_kept_out_of_caches_and_search_engines()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Undersea Cables and the Law of the Sea", body: "The cables carry **most** of the traffic.");

        using var response = await staff.GetAsync(new Uri($"/admin/publications/{id}/preview", UriKind.Relative), Cancel);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name='robots']")?.GetAttribute("content"));
        Assert.Equal(Banner, page.QuerySelector("aside.preview-banner strong")?.TextContent);
        Assert.Equal("preview-banner-title", page.QuerySelector("aside.preview-banner")?.GetAttribute("aria-labelledby"));
        // The public article view itself: title, body, the site's menu, metadata and Cite this.
        Assert.EndsWith("Undersea Cables and the Law of the Sea", page.QuerySelector("h1#article-title")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("most", page.QuerySelector(".article-body strong")?.TextContent);
        Assert.NotNull(page.QuerySelector("header.site-header"));
        Assert.Equal("Undersea Cables and the Law of the Sea", page.QuerySelector("meta[name='citation_title']")?.GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("section.cite-this"));
        // The PDF is made from what is published: the preview says so instead of offering a link that would 404.
        Assert.Null(page.QuerySelector("a.pdf-link"));
        Assert.Contains("not part of the preview", page.QuerySelector(".article-header .preview-note")?.TextContent, StringComparison.Ordinal);
        // Readers still cannot see the draft.
        using var live = await portal.CreateReader().GetAsync(new Uri(await staff.PublicAddressAsync(id), UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, live.StatusCode);
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_instead_of_seeing_a_preview()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Draft Nobody Else Should Read");

        using var response = await portal.CreateReader().GetAsync(new Uri($"/admin/publications/{id}/preview", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft Nobody Else Should Read", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_button_shows_the_unsaved_title_and_saves_nothing()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Title as Saved");
        var form = (await staff.EditFormAsync(id)).Set("Title", "Title as Typed").Set("Body", "A paragraph not yet saved.");
        var auditBefore = await AuditCountAsync();

        using var response = await staff.PostFormAsync($"/admin/publications/{id}/preview", form);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("Title as Typed", page.QuerySelector("h1#article-title")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("A paragraph not yet saved.", page.QuerySelector(".article-body")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("nothing has been saved", page.QuerySelector("aside.preview-banner")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Title as Saved", (await staff.EditFormAsync(id))["Title"]);
        Assert.Equal(form["ConcurrencyToken"], (await staff.EditFormAsync(id))["ConcurrencyToken"]);
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task A_preview_of_a_date_that_is_not_a_date_shows_the_form_again_with_the_message()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("A Form With a Bad Date");
        var form = (await staff.EditFormAsync(id)).Set("PublishedOn", "yesterday");

        using var response = await staff.PostFormAsync($"/admin/publications/{id}/preview", form);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("“yesterday” is not a valid publication date.", page.FieldError("PublishedOn"));
    }

    [Fact]
    public async Task A_shared_link_shows_the_preview_to_someone_without_an_account_and_follows_later_saves()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Draft for a Colleague");
        var link = await PreviewLinkAsync(staff, "publications", id);
        var reader = portal.CreateReader();

        using var first = await reader.GetAsync(new Uri(link, UriKind.Relative), Cancel);
        var page = await first.ReadPageAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name='robots']")?.GetAttribute("content"));
        Assert.Equal(Banner, page.QuerySelector("aside.preview-banner strong")?.TextContent);
        Assert.EndsWith("Draft for a Colleague", page.QuerySelector("h1#article-title")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("aside.preview-banner a[href^='/admin']"));

        // Never kept in the output cache: the same link shows the next save at once.
        using (var saved = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Title", "Draft for a Colleague, Revised")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var again = await reader.GetPageAsync(link);
        Assert.EndsWith("Draft for a Colleague, Revised", again.QuerySelector("h1#article-title")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_link_works_for_seven_days_and_not_a_moment_longer()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("A Week to Read It");
        var link = await PreviewLinkAsync(staff, "publications", id);
        var reader = portal.CreateReader();

        portal.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await reader.GetPageAsync(link);
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await reader.GetPageAsync(link, HttpStatusCode.NotFound);

        Assert.NotNull(expired.QuerySelector("header.site-header"));
        Assert.Null(expired.QuerySelector("aside.preview-banner"));
    }

    [Fact]
    public async Task Revoking_ends_every_shared_link_gives_a_new_one_and_leaves_the_open_form_saveable()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Shared Too Widely");
        var openForm = await staff.EditFormAsync(id);
        var old = await PreviewLinkAsync(staff, "publications", id);
        var reader = portal.CreateReader();
        await reader.GetPageAsync(old);

        var linkPage = await staff.GetPageAsync($"/admin/publications/{id}/preview-link");
        using var revoked = await staff.PostFormAsync($"/admin/publications/{id}/preview-link/revoke",
            FormFields.Of(linkPage, $"form[action='/admin/publications/{id}/preview-link/revoke']"));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        await reader.GetPageAsync(old, HttpStatusCode.NotFound);
        var fresh = await PreviewLinkAsync(staff, "publications", id);
        await reader.GetPageAsync(fresh);
        // The links are not the publication's text: a form opened before the revocation still saves.
        using var saved = await staff.SaveAsync(id, openForm.Set("Title", "Shared Too Widely, Saved"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var history = await portal.WithDatabaseAsync(db => db.AuditEntries
            .Where(e => e.EntityType == "Publication" && e.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .ToListAsync(Cancel));
        Assert.Contains("Preview links", history.SelectMany(e => e.Changes).Select(c => c.Field));
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("padded")]
    [InlineData("changed")]
    [InlineData("nonsense")]
    public async Task A_token_cut_padded_or_changed_answers_not_found_in_the_site_layout(string damage)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Handle With Care " + damage);
        var token = (await PreviewLinkAsync(staff, "publications", id))["/preview/".Length..];
        var damaged = damage switch
        {
            "cut" => token[..^4],
            "padded" => token + "AAAA",
            "changed" => token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..],
            _ => "not-a-token",
        };

        var page = await portal.CreateReader().GetPageAsync("/preview/" + damaged, HttpStatusCode.NotFound);

        Assert.NotNull(page.QuerySelector("header.site-header"));
        Assert.DoesNotContain("Handle With Care", page.Body?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_signed_for_one_item_with_another_items_key_or_for_a_deleted_item_answers_not_found()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var first = await staff.CreatePublicationAsync("The First Draft");
        var second = await staff.CreatePublicationAsync("The Second Draft");
        var firstKey = await portal.WithDatabaseAsync(db => db.Publications.Where(p => p.Id == first).Select(p => p.PreviewKey).SingleAsync(Cancel));
        // A genuine signature, but over the second item with the first item's key: the key ties a link to its item.
        var (borrowed, _) = portal.Services.GetRequiredService<PreviewLinks>().Create(new PreviewTicket(PreviewKind.Publication, second, firstKey));
        var link = await PreviewLinkAsync(staff, "publications", first);
        using (await staff.ConfirmDeleteAsync("publications", first))
        {
        }

        await portal.CreateReader().GetPageAsync(PreviewLinks.Path(borrowed), HttpStatusCode.NotFound);
        await portal.CreateReader().GetPageAsync(link, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_page_is_previewed_saved_or_unsaved_and_shared_like_a_publication()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreateItemAsync("pages", f => f.Set("Title", "Visiting the Library").Set("Body", "Open **weekdays**."));

        var saved = await staff.GetPageAsync($"/admin/pages/{id}/preview");
        Assert.Equal("Visiting the Library", saved.QuerySelector("h1.page-heading")?.TextContent);
        Assert.Equal("weekdays", saved.QuerySelector(".page-body strong")?.TextContent);
        Assert.Equal(Banner, saved.QuerySelector("aside.preview-banner strong")?.TextContent);
        Assert.Equal("Visiting the Library", saved.QuerySelector(".breadcrumbs [aria-current='page']")?.TextContent);

        using var unsaved = await staff.PostFormAsync($"/admin/pages/{id}/preview",
            (await staff.ItemFormAsync("pages", id)).Set("Title", "Visiting the Library on Saturdays"));
        Assert.Equal(HttpStatusCode.OK, unsaved.StatusCode);
        Assert.Equal("Visiting the Library on Saturdays", (await unsaved.ReadPageAsync()).QuerySelector("h1.page-heading")?.TextContent);
        Assert.Equal("Visiting the Library", (await staff.ItemFormAsync("pages", id))["Title"]);

        var link = await PreviewLinkAsync(staff, "pages", id);
        using var shared = await portal.CreateReader().GetAsync(new Uri(link, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Equal("no-store", shared.Headers.CacheControl?.ToString());
        Assert.Equal("noindex, nofollow", (await shared.ReadPageAsync()).QuerySelector("meta[name='robots']")?.GetAttribute("content"));

        var linkPage = await staff.GetPageAsync($"/admin/pages/{id}/preview-link");
        using (await staff.PostFormAsync($"/admin/pages/{id}/preview-link/revoke",
            FormFields.Of(linkPage, $"form[action='/admin/pages/{id}/preview-link/revoke']")))
        {
        }

        await portal.CreateReader().GetPageAsync(link, HttpStatusCode.NotFound);
        using var anonymous = await portal.CreateReader().GetAsync(new Uri($"/admin/pages/{id}/preview", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    /// <summary>The path of the link the edit screen's "Share a preview" panel gives, as staff would copy it.</summary>
    private static async Task<string> PreviewLinkAsync(HttpClient staff, string section, int id)
    {
        var page = await staff.GetPageAsync($"/admin/{section}/{id}/edit");
        var link = ((IHtmlInputElement)page.QuerySelector("input#preview-link")!).Value;
        return new Uri(link).PathAndQuery;
    }

    private Task<int> AuditCountAsync() => portal.WithDatabaseAsync(db => db.AuditEntries.CountAsync(Cancel));
}

/// <summary>A shared preview link in the request log: its token opens the draft, so the log leaves it out.</summary>
public sealed class PreviewLinkLogTests(Hosting.LoggedPortal portal) : IClassFixture<Hosting.LoggedPortal>
{
    [Fact]
    public async Task The_request_line_of_a_preview_link_leaves_out_its_token()
    {
        var id = await portal.WithDatabaseAsync(db => db.Publications.Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken));
        var key = await portal.WithDatabaseAsync(db => db.Publications.Where(p => p.Id == id).Select(p => p.PreviewKey).SingleAsync(TestContext.Current.CancellationToken));
        var (token, _) = portal.Services.GetRequiredService<PreviewLinks>().Create(new PreviewTicket(PreviewKind.Publication, id, key));

        await portal.CreateReader().GetPageAsync(PreviewLinks.Path(token));
        var line = await portal.Log.LineForAsync(PreviewLinks.LoggedPath);

        Assert.StartsWith("GET /preview/(token) 200 in ", line.RenderMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(token, Hosting.RequestLog.Written(line), StringComparison.Ordinal);
    }
}
