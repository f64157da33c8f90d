using System.Net;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Publications;

/// <summary>A publication's life through the staff area, checked on the public site at each step.</summary>
public sealed class PublicationEditingTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private async Task<HttpResponseMessage> ReadAsync(string url) =>
        await portal.CreateReader().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_year_filter_and_series_counts_beside_the_listings_follow_a_publication_at_once()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var reader = portal.CreateReader();
        static List<string> Years(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll(".year-filter a").Select(a => a.TextContent.Squash()).ToList();
        static string CountOf(AngleSharp.Html.Dom.IHtmlDocument page, string series) =>
            page.QuerySelectorAll("li").Single(li => li.QuerySelector("a")?.TextContent.Trim() == series && li.QuerySelector("span") is not null)
                .QuerySelector("span")!.TextContent.Trim();
        // Read first, so the counts are kept (and the pages cached) before the change.
        var landing = await reader.GetPageAsync("/publications");
        var series = await reader.GetPageAsync("/publications/monographs");
        // A series with nothing published is not offered at all.
        Assert.DoesNotContain(landing.QuerySelectorAll("main li a"), a => a.TextContent.Trim() == "Monographs");

        var monographs = await portal.WithDatabaseAsync(db =>
            db.Series.Where(s => s.Slug == "monographs").Select(s => s.Id).SingleAsync(TestContext.Current.CancellationToken));
        await staff.CreatePublicationAsync("Ports of the Indian Ocean", status: "Published", change: f => f
            .Set("SeriesId", monographs.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set("Code", "MG09001")
            .Set("PublishedOn", "2009-06-30"));

        // Another page of each listing, drawn after the save: the counts were evicted too, not only the pages.
        var landingAfter = await reader.GetPageAsync("/publications?page=2");
        var seriesAfter = await reader.GetPageAsync("/publications/monographs?year=2009");
        Assert.Equal("(1)", CountOf(landingAfter, "Monographs"));
        Assert.Contains("2009 (1 publications)", Years(landingAfter));
        Assert.Equal(["All years", "2009 (1 publications)"], Years(seriesAfter));
        Assert.Empty(Years(series));
    }

    [Fact]
    public async Task A_publication_goes_from_draft_to_public_to_renamed_to_deleted_and_readers_see_each_step_at_once()
    {
        var (staff, member) = await portal.SignedInAsync(StaffRoles.Editor);
        var reader = portal.CreateReader();
        // The series page is read (and so cached) before each change: every save must evict it.
        await reader.GetPageAsync(SeedFacts.SeriesUrl);

        // A draft: its address answers 404 and the series does not list it.
        var id = await staff.CreatePublicationAsync("Maritime Security in the Straits of Malacca");
        var address = await staff.PublicAddressAsync(id);
        Assert.StartsWith($"/publications/rsis-commentary-series/co{DateTime.UtcNow.Year % 100:D2}", address, StringComparison.Ordinal);
        Assert.EndsWith("-maritime-security-in-the-straits-of-malacca", address, StringComparison.Ordinal);
        using (var draft = await ReadAsync(address))
        {
            Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        }

        Assert.DoesNotContain("Maritime Security", (await reader.GetPageAsync(SeedFacts.SeriesUrl)).Body!.TextContent, StringComparison.Ordinal);

        // Published: the article, the series listing and the PDF.
        var form = await staff.EditFormAsync(id);
        using (var publish = await staff.SaveAsync(id, form.Set("Status", "Published")))
        {
            Assert.Equal($"/admin/publications/{id}/edit?saved=updated", publish.Location());
        }

        var article = await reader.GetPageAsync(address);
        Assert.Contains("Maritime Security in the Straits of Malacca", article.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("A subheading", article.QuerySelector(".article-body h3")!.TextContent.Trim());
        Assert.Contains((await reader.GetPageAsync(SeedFacts.SeriesUrl)).QuerySelectorAll("a.publication-title"),
            a => a.GetAttribute("href") == address);
        using (var pdf = await ReadAsync(address + ".pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken))[..5]), StringComparison.Ordinal);
        }

        // Renamed: the new title shows at once, and the old address and its PDF move permanently.
        var edit = await staff.EditFormAsync(id);
        (await staff.SaveAsync(id, edit.Set("Title", "Piracy and Security in the Straits of Malacca"))).Dispose();
        var newAddress = await staff.PublicAddressAsync(id);
        Assert.NotEqual(address, newAddress);
        Assert.Contains("Piracy and Security in the Straits of Malacca", (await reader.GetPageAsync(newAddress)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        using (var moved = await ReadAsync(address))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal(newAddress, moved.Location());
        }

        using (var movedPdf = await ReadAsync(address + ".pdf"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, movedPdf.StatusCode);
            Assert.Equal(newAddress + ".pdf", movedPdf.Location());
        }

        Assert.Contains((await reader.GetPageAsync(SeedFacts.SeriesUrl)).QuerySelectorAll("a.publication-title"),
            a => a.TextContent.Contains("Piracy and Security", StringComparison.Ordinal));

        // Deleted, after the confirmation page: to the Trash, so the article, its PDF and its old address answer 410 Gone.
        var confirm = await staff.GetPageAsync($"/admin/publications/{id}/delete");
        Assert.Contains("It goes to the Trash", confirm.Body!.TextContent, StringComparison.Ordinal);
        using (var delete = await staff.PostFormAsync($"/admin/publications/{id}/delete", FormFields.Of(confirm, $"form[action='/admin/publications/{id}/delete']")))
        {
            Assert.StartsWith($"/admin/publications?deleted=CO{DateTime.UtcNow.Year % 100:D2}", delete.Location(), StringComparison.Ordinal);
        }

        foreach (var gone in new[] { newAddress, address, newAddress + ".pdf" })
        {
            using var response = await ReadAsync(gone);
            Assert.True(response.StatusCode == HttpStatusCode.Gone, $"{gone} answered {(int)response.StatusCode} after the delete.");
        }

        Assert.DoesNotContain("Straits of Malacca", (await reader.GetPageAsync(SeedFacts.SeriesUrl)).Body!.TextContent, StringComparison.Ordinal);

        // The audit log kept every step, with who made it.
        var history = await portal.WithDatabaseAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Publication" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Updated, AuditAction.Deleted], history.Select(e => e.Action));
        Assert.All(history, e => Assert.Equal(member.Email, e.ChangedBy));
        var renamed = Assert.Single(history[2].Changes, c => c.Field == "Title");
        Assert.Equal(("Maritime Security in the Straits of Malacca", "Piracy and Security in the Straits of Malacca"), (renamed.OldValue, renamed.NewValue));
    }

    [Fact]
    public async Task A_publication_renamed_twice_sends_both_old_addresses_in_one_301_to_the_newest()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Fisheries Disputes in the Natuna Sea", status: "Published");
        var a = await staff.PublicAddressAsync(id);
        (await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Title", "Fishing Rights in the Natuna Sea"))).Dispose();
        var b = await staff.PublicAddressAsync(id);
        (await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Title", "Fishing Rights and Coast Guards in the Natuna Sea"))).Dispose();
        var c = await staff.PublicAddressAsync(id);
        Assert.Equal(3, new[] { a, b, c }.Distinct().Count());

        foreach (var (old, suffix) in new[] { (a, ""), (b, ""), (a, ".pdf"), (b, ".pdf") })
        {
            using var moved = await ReadAsync(old + suffix);
            Assert.True(moved.StatusCode == HttpStatusCode.MovedPermanently, $"{old}{suffix} answered {(int)moved.StatusCode}.");
            // Straight to the newest address, not to the one in between (which would be a second hop).
            Assert.Equal(c + suffix, moved.Location());
        }

        using var newest = await ReadAsync(c);
        Assert.Equal(HttpStatusCode.OK, newest.StatusCode);
        Assert.Contains("Fishing Rights and Coast Guards in the Natuna Sea", (await newest.ReadPageAsync()).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_publication_is_offered_the_next_code_of_its_series()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var form = FormFields.Of(await staff.GetPageAsync("/admin/publications/new"), PublicationForms.FormSelector);
        var seriesId = form["SeriesId"];

        var suggestion = await staff.GetStringAsync(new Uri($"/admin/publications/suggest-code?seriesId={seriesId}&year=2013", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Matches($"^CO{DateTime.UtcNow.Year % 100:D2}[0-9]{{3}}$", form["Code"]);
        // The seed holds CO13046, so 2013's next commentary is CO13047.
        Assert.Contains("\"CO13047\"", suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_problems_comes_back_with_messages_beside_the_fields_and_what_was_typed()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var form = FormFields.Of(await staff.GetPageAsync("/admin/publications/new"), PublicationForms.FormSelector)
            .Set("Title", "   ")
            .Set("Code", SeedFacts.Code.ToLowerInvariant())
            .Set("Synopsis", "Typed synopsis that must survive")
            .Set("Status", "Published")
            .Set("Body", "");

        using var response = await staff.PostFormAsync("/admin/publications/new", form);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter a title.", page.QuerySelector("#error-Title")!.TextContent.Trim());
        Assert.Equal("Another publication already has the code CO13046.", page.QuerySelector("#error-Code")!.TextContent.Trim());
        Assert.StartsWith("A published publication needs its text", page.QuerySelector("#error-Body")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#field-Title")!.GetAttribute("aria-invalid"));
        Assert.Equal("Typed synopsis that must survive", page.QuerySelector("#field-Synopsis")!.TextContent);
        Assert.Equal("co13046", page.QuerySelector("#field-Code")!.GetAttribute("value"));
        Assert.NotEmpty(page.QuerySelectorAll("#field-SeriesId option"));
        Assert.Equal(3, page.QuerySelectorAll("[data-error-summary] li").Length);
    }

    [Fact]
    public async Task Authors_are_kept_in_the_order_chosen_and_can_be_reordered_and_removed()
    {
        var secondAuthorId = await portal.WithDatabaseAsync(async db =>
        {
            db.Authors.Add(new Domain.Publications.Author { Name = "Test Author Two", Slug = "test-author-two" });
            await db.SaveChangesAsync();
            return await db.Authors.Where(a => a.Slug == "test-author-two").Select(a => a.Id).SingleAsync();
        });
        var firstAuthorId = await portal.WithDatabaseAsync(db => db.Authors.Where(a => a.Slug == "c-raja-mohan").Select(a => a.Id).SingleAsync());
        var categoryIds = await portal.WithDatabaseAsync(async db =>
        {
            db.Categories.AddRange(
                new Domain.Publications.Category { Name = "Zeta Studies", Slug = "zeta-studies" },
                new Domain.Publications.Category { Name = "Alpha Studies", Slug = "alpha-studies" });
            await db.SaveChangesAsync();
            return await db.Categories.Where(c => c.Slug == "zeta-studies" || c.Slug == "alpha-studies").Select(c => c.Id).ToArrayAsync();
        });
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Two Voices on Cyber Norms", status: "Published",
            change: f => f.Set("AuthorIds", $"{secondAuthorId}", "", $"{firstAuthorId}").Set("CategoryIds", [.. categoryIds.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        var address = await staff.PublicAddressAsync(id);

        var article = await portal.CreateReader().GetPageAsync(address);
        var firstOrder = article.QuerySelectorAll(".article-authors a").Select(a => a.TextContent.Trim()).ToList();
        // Two authors and two categories, each once: the article's one query does not multiply them.
        Assert.Equal(["Alpha Studies", "Zeta Studies"], article.QuerySelectorAll(".article-categories a").Select(a => a.TextContent.Trim()));
        using (var bibTex = await ReadAsync(address + ".bib"))
        {
            var authorLine = (await bibTex.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
                .Split('\n').Single(line => line.TrimStart().StartsWith("author", StringComparison.Ordinal));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(authorLine, " and "));
            Assert.True(authorLine.IndexOf("Two", StringComparison.Ordinal) < authorLine.IndexOf("Mohan", StringComparison.Ordinal), authorLine);
        }

        var form = await staff.EditFormAsync(id);
        Assert.Equal([$"{secondAuthorId}", $"{firstAuthorId}", "", ""], form.Values.Where(v => v.Key == "AuthorIds").Select(v => v.Value));
        (await staff.SaveAsync(id, form.Set("AuthorIds", $"{firstAuthorId}", $"{secondAuthorId}"))).Dispose();
        var swapped = (await portal.CreateReader().GetPageAsync(address)).QuerySelectorAll(".article-authors a").Select(a => a.TextContent.Trim()).ToList();
        (await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("AuthorIds", $"{secondAuthorId}"))).Dispose();
        var one = (await portal.CreateReader().GetPageAsync(address)).QuerySelectorAll(".article-authors a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal(["Test Author Two", SeedFacts.Author], firstOrder);
        Assert.Equal([SeedFacts.Author, "Test Author Two"], swapped);
        Assert.Equal(["Test Author Two"], one);
    }

    [Fact]
    public async Task Saving_or_redisplaying_the_form_keeps_the_chosen_authors_and_no_more_empty_rows_than_before()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var authorId = await portal.WithDatabaseAsync(db => db.Authors.Where(a => a.Slug == "c-raja-mohan").Select(a => a.Id).SingleAsync());
        var author = authorId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = await staff.CreatePublicationAsync("Ten Saves of One Byline", change: f => f.Set("AuthorIds", author, "", ""));
        static List<string> Rows(FormFields form) => form.Values.Where(v => v.Key == "AuthorIds").Select(v => v.Value).ToList();

        // Saved again and again, as a browser without JavaScript sends the form: every row, empty ones too.
        for (var save = 0; save < 3; save++)
        {
            using var saved = await staff.SaveAsync(id, await staff.EditFormAsync(id));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var afterSaves = Rows(await staff.EditFormAsync(id));
        // Refused (no title) and shown again, twice, each time sending back the form as it came.
        using var refused = await staff.SaveAsync(id, (await staff.EditFormAsync(id)).Set("Title", ""));
        var redisplayed = await refused.ReadPageAsync();
        using var refusedAgain = await staff.SaveAsync(id, FormFields.Of(redisplayed, PublicationForms.FormSelector));
        var redisplayedAgain = Rows(FormFields.Of(await refusedAgain.ReadPageAsync(), PublicationForms.FormSelector));

        Assert.Equal([author, "", ""], afterSaves);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal([author, "", ""], Rows(FormFields.Of(redisplayed, PublicationForms.FormSelector)));
        Assert.Equal([author, "", ""], redisplayedAgain);
    }

    [Fact]
    public async Task A_publication_scheduled_for_later_stays_off_the_site_until_its_time()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await staff.CreatePublicationAsync("Scheduled Thoughts on Regional Order", status: "Published",
            change: f => f.Set("PublishAt", DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        var address = await staff.PublicAddressAsync(id);
        var list = await staff.GetPageAsync("/admin/publications?status=Scheduled");

        using var early = await ReadAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Contains(list.QuerySelectorAll(".admin-table a"), a => a.TextContent == "Scheduled Thoughts on Regional Order");
        Assert.Contains("Scheduled", (await staff.GetPageAsync($"/admin/publications/{id}/edit")).QuerySelector(".admin-badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_finds_publications_by_title_or_code_in_any_letter_case_and_filters_by_status()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        await staff.CreatePublicationAsync("Findable Draft About Fisheries");

        var byTitle = await staff.GetPageAsync("/admin/publications?q=fisheries");
        var byCode = await staff.GetPageAsync("/admin/publications?q=co13046");
        var drafts = await staff.GetPageAsync("/admin/publications?status=Draft&q=Fisheries");
        var publicOnly = await staff.GetPageAsync("/admin/publications?status=Public&q=Fisheries");
        using var badStatus = await staff.GetAsync(new Uri("/admin/publications?status=Lost", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(["Findable Draft About Fisheries"], byTitle.QuerySelectorAll(".admin-table tbody a").Select(a => a.TextContent));
        Assert.Equal([SeedFacts.Title], byCode.QuerySelectorAll(".admin-table tbody a").Select(a => a.TextContent));
        Assert.Single(drafts.QuerySelectorAll(".admin-table tbody tr"));
        Assert.Empty(publicOnly.QuerySelectorAll(".admin-table tbody tr"));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_with_400_and_changes_nothing()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var form = (await staff.EditFormAsync(1)).Without(StaffSignIn.TokenField).Set("Title", "Forged title");

        using var response = await staff.SaveAsync(1, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This form has expired", (await response.ReadPageAsync()).QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(SeedFacts.Title, (await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
