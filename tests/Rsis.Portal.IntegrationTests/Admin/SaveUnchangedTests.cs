using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Domain.Navigation;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.Domain.Site;
using Rsis.Portal.Infrastructure.Persistence;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>
/// Opening any seeded item's edit form and pressing Save without touching it saves, and changes nothing: a
/// rule that refuses what the site itself shipped would stop staff from fixing anything else on that item.
/// </summary>
public sealed class SaveUnchangedTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    /// <summary>An edit form: where it is, how to find it on its page, and which stored rows it edits.</summary>
    private sealed record Kind(
        string Name, Func<PortalDbContext, Task<List<int>>> Ids, Func<int, string> EditUrl, string FormSelector, Func<PortalDbContext, Task<string>> Stored);

    private static readonly Dictionary<string, Kind> Kinds = new Kind[]
    {
        new("menu entries", db => db.MenuItems.Select(m => m.Id).ToListAsync(), id => $"/admin/menu/{id}/edit", "#menu-entry-form", Rows<MenuItem>),
        new("series", db => db.Series.Select(s => s.Id).ToListAsync(), id => $"/admin/series/{id}/edit", "#series-form", Rows<Series>),
        new("pages", db => db.Pages.Select(p => p.Id).ToListAsync(), id => $"/admin/pages/{id}/edit", "#page-form", Rows<Page>),
        new("authors", db => db.Authors.Select(a => a.Id).ToListAsync(), id => $"/admin/authors/{id}/edit", "#author-form", Rows<Author>),
        new("categories", db => db.Categories.Select(c => c.Id).ToListAsync(), id => $"/admin/categories/{id}/edit", "#category-form", Rows<Category>),
        new("site settings", db => Task.FromResult(new List<int> { 0 }), _ => "/admin/settings", "#settings-form", Rows<SiteSettings>),
        new("footer links", db => db.SiteLinks.Select(l => l.Id).ToListAsync(), id => $"/admin/settings/links/{id}/edit", "#link-form", Rows<SiteLink>),
        new("publications", db => db.Publications.Select(p => p.Id).ToListAsync(), id => $"/admin/publications/{id}/edit", PublicationForms.FormSelector,
            async db => await Rows<Publication>(db) + await Rows<PublicationAuthor>(db) + await Rows<PublicationCategory>(db)),
    }.ToDictionary(k => k.Name);

    public static TheoryData<string> KindNames => [.. Kinds.Keys];

    [Theory]
    [MemberData(nameof(KindNames))]
    public async Task Every_seeded_item_saves_unchanged_and_stays_the_same(string kindName)
    {
        var kind = Kinds[kindName];
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var ids = await portal.WithDatabaseAsync(kind.Ids);
        var storedBefore = await portal.WithDatabaseAsync(kind.Stored);
        var redirectsBefore = await portal.WithDatabaseAsync(db => db.Redirects.CountAsync());
        var auditBefore = await portal.WithDatabaseAsync(db => db.AuditEntries.CountAsync());
        var refused = new List<string>();

        foreach (var id in ids)
        {
            var url = kind.EditUrl(id);
            var page = await staff.GetPageAsync(url);
            var action = page.QuerySelector(kind.FormSelector)!.GetAttribute("action")!;
            var form = FormFields.Of(page, kind.FormSelector);

            using var response = await staff.PostFormAsync(action, form);

            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                var answer = await response.ReadPageAsync();
                refused.Add($"{url}: {(int)response.StatusCode} {answer.QuerySelector(".admin-error-summary, [data-error-summary], .invalid-feedback, main")?.TextContent.Squash()}");
                continue;
            }

            // What the form shows afterwards is what it showed before.
            var after = FormFields.Of(await staff.GetPageAsync(url), kind.FormSelector);
            if (Comparable(after) != Comparable(form))
            {
                refused.Add($"{url}: the form changed from {Comparable(form)} to {Comparable(after)}");
            }
        }

        Assert.True(ids.Count > 0, $"No seeded {kindName}.");
        Assert.True(refused.Count == 0, $"{refused.Count} of {ids.Count} {kindName} did not save unchanged:\n" + string.Join("\n", refused));
        Assert.Equal(storedBefore, await portal.WithDatabaseAsync(kind.Stored));
        Assert.Equal(redirectsBefore, await portal.WithDatabaseAsync(db => db.Redirects.CountAsync()));
        // Nothing to note in the audit log either.
        Assert.Equal(auditBefore, await portal.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task The_seed_has_all_ninety_three_menu_entries()
    {
        Assert.Equal(93, await portal.WithDatabaseAsync(db => db.MenuItems.CountAsync()));
    }

    /// <summary>The form's values, without the ones that are new on every page (version, antiforgery token).</summary>
    private static string Comparable(FormFields form) =>
        string.Join("&", form.Values.Where(v => v.Key is not ("ConcurrencyToken" or StaffSignIn.TokenField)).Select(v => $"{v.Key}={v.Value}"));

    /// <summary>Every stored row of <typeparamref name="T"/>, but the version and "last updated" stamps every save renews.</summary>
    private static async Task<string> Rows<T>(PortalDbContext db) where T : class
    {
        var rows = await db.Set<T>().ToListAsync();
        return string.Join("\n", rows.Select(row => string.Join("; ", db.Entry(row).Properties
                .Where(p => p.Metadata.Name is not ("ConcurrencyToken" or "UpdatedAtUtc" or "UpdatedBy"))
                .Select(p => $"{p.Metadata.Name}={Convert.ToString(p.CurrentValue, CultureInfo.InvariantCulture)}")))
            .Order(StringComparer.Ordinal));
    }
}
