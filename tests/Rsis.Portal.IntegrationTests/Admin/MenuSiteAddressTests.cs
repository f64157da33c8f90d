using System.Net;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>
/// A menu entry's slug is the address of its own section page. It may not be one the site answers itself
/// (/publications, /search…) when that page could be shown, but an entry that links to an address never
/// shows it, so a link to /publications may keep the slug "publications", as the seeded menu has it.
/// </summary>
public sealed class MenuSiteAddressTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string FormSelector = "#menu-entry-form";

    private static async Task<HttpResponseMessage> AddAsync(HttpClient staff, string title, params (string Name, string Value)[] fields)
    {
        var form = FormFields.Of(await staff.GetPageAsync("/admin/menu/new"), FormSelector).Set("Title", title);
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return await staff.PostFormAsync("/admin/menu/new", form);
    }

    [Fact]
    public async Task An_entry_linking_to_a_site_address_may_have_that_address_as_its_slug()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var response = await AddAsync(staff, "Search the site", ("TargetKind", "Url"), ("Url", "/search"), ("Slug", "search"), ("IsVisible", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var menuLink = (await portal.CreateReader().GetPageAsync("/")).QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == "Search the site");
        Assert.Equal("/search", menuLink?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("Section")]
    [InlineData("Series")]
    public async Task An_entry_that_can_show_its_section_page_may_not_take_a_site_address(string target)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        using var response = await AddAsync(staff, "Taken " + target, ("TargetKind", target), ("SeriesId", "1"), ("Slug", "publications"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/publications is one of the site's own addresses", (await response.ReadPageAsync()).FieldError("Slug"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seeded_publications_entry_saves_unchanged_and_cannot_become_a_section_at_publications()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await portal.WithDatabaseAsync(db => db.MenuItems.Where(m => m.Slug == "publications" && m.ParentId == null).Select(m => m.Id).SingleAsync());

        using var saved = await staff.SaveItemAsync("menu", id, await staff.ItemFormAsync("menu", id));
        using var asSection = await staff.SaveItemAsync("menu", id, (await staff.ItemFormAsync("menu", id)).Set("TargetKind", "Section"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, asSection.StatusCode);
        Assert.Contains("one of the site's own addresses", (await asSection.ReadPageAsync()).FieldError("Slug"), StringComparison.Ordinal);
    }
}
