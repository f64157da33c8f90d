using System.Net;
using AngleSharp.Html.Dom;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Site;

/// <summary>
/// The header's Connect panel, Contact Us's "Get in Touch" and the "Latest Book / more info" promo come from the
/// site settings: shown as staff fill them, and changed when staff edit them.
/// </summary>
public sealed class ConnectAndPromoTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string SettingsForm = "#settings-form";

    private static async Task<FormFields> SettingsFormAsync(HttpClient staff) =>
        FormFields.Of(await staff.GetPageAsync("/admin/settings"), SettingsForm);

    private static List<string> ConnectLinks(IHtmlDocument page) =>
        page.QuerySelectorAll("header details.site-connect a").Select(a => a.TextContent.Squash()).ToList();

    [Fact]
    public async Task The_connect_panel_beside_search_holds_the_social_links_rss_subscribe_links_address_and_get_in_touch()
    {
        var page = await portal.CreateReader().GetPageAsync(SeedFacts.ArticleUrl);

        var panel = page.QuerySelector("header .site-header__tools details.site-connect")!;
        Assert.Equal("Connect", panel.QuerySelector("summary")!.TextContent.Trim());
        Assert.Null(panel.GetAttribute("open"));
        var links = ConnectLinks(page);
        Assert.Contains("Facebook: rsis.ntu", links);
        Assert.Contains("Telegram: rsissg", links);
        Assert.Contains("RSS", links);
        Assert.Contains("Subscribe to RSIS Publications", links);
        Assert.Contains("Subscribe to RSIS Events", links);
        Assert.Contains("Get in Touch", links);
        Assert.Equal(string.Join(' ', SeedFacts.AddressLines), panel.QuerySelector("address")!.TextContent.Squash());
    }

    [Fact]
    public async Task Get_in_touch_on_contact_us_is_a_mailto_of_the_contact_email_once_staff_set_it_and_never_a_link_to_itself()
    {
        var reader = portal.CreateReader();
        // The source page names no email: until staff set one, Contact Us offers no link to itself.
        var before = await reader.GetPageAsync("/contact-us");
        Assert.DoesNotContain(before.QuerySelectorAll("main .contact-details a"), a => a.GetAttribute("href") == "/contact-us");
        Assert.DoesNotContain(before.QuerySelectorAll("main .contact-details a"), a => a.GetAttribute("href")!.StartsWith("mailto:", StringComparison.Ordinal));

        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        using var saved = await editor.PostFormAsync("/admin/settings", (await SettingsFormAsync(editor)).Set("ContactEmail", "enquiries@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await reader.GetPageAsync("/contact-us");
        var getInTouch = Assert.Single(after.QuerySelectorAll("main .contact-details a"), a => a.TextContent.Trim() == "Get in Touch");
        Assert.Equal("mailto:enquiries@example.org", getInTouch.GetAttribute("href"));
        Assert.Contains("Email enquiries@example.org", ConnectLinks(await reader.GetPageAsync("/")));
    }

    [Fact]
    public async Task The_connect_panel_follows_a_social_link_staff_edit()
    {
        var reader = portal.CreateReader();
        Assert.Contains("Threads: rsis.sg", ConnectLinks(await reader.GetPageAsync("/")));

        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await portal.WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.SiteLinks.Where(l => l.Title == "rsis.sg").Select(l => l.Id), TestContext.Current.CancellationToken));
        var form = FormFields.Of(await editor.GetPageAsync($"/admin/settings/links/{id}/edit"), "#link-form").Set("Title", "rsis.threads");
        using var saved = await editor.PostFormAsync($"/admin/settings/links/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var links = ConnectLinks(await reader.GetPageAsync("/"));
        Assert.Contains("Threads: rsis.threads", links);
        Assert.DoesNotContain("Threads: rsis.sg", links);
    }

    [Fact]
    public async Task The_promo_is_hidden_until_staff_fill_it_then_shown_on_the_home_page()
    {
        var reader = portal.CreateReader();
        Assert.Null((await reader.GetPageAsync("/")).QuerySelector(".site-promo"));

        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var form = (await SettingsFormAsync(editor)).Set("PromoTitle", "A New Book on Maritime Security").Set("PromoUrl", "https://example.org/book");
        using var saved = await editor.PostFormAsync("/admin/settings", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var promo = (await reader.GetPageAsync("/")).QuerySelector(".site-promo")!;
        Assert.Equal("Latest Book / more info", promo.QuerySelector("h2")!.TextContent.Trim());
        var link = promo.QuerySelector("a")!;
        Assert.Equal("A New Book on Maritime Security", link.TextContent.Trim());
        Assert.Equal("https://example.org/book", link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("ContactEmail", "not an email", "", "", "error-ContactEmail", "Enter the contact email as an address like name@example.org")]
    [InlineData("PromoUrl", "javascript:alert(1)", "A title", "javascript:alert(1)", "error-PromoUrl", "Use an address that starts with")]
    [InlineData("PromoUrl", "", "A title with no link", "", "error-PromoUrl", "Enter the promo’s link too")]
    public async Task Bad_contact_email_or_promo_is_refused_beside_the_field_on_the_settings_screen_and_nothing_is_saved(
        string field, string value, string promoTitle, string promoUrl, string errorId, string message)
    {
        var (editor, _) = await portal.SignedInAsync(StaffRoles.Editor);
        var before = await StoredPromoAndContactAsync();
        var form = (await SettingsFormAsync(editor)).Set("PromoTitle", promoTitle).Set("PromoUrl", promoUrl).Set(field, value);

        using var response = await editor.PostFormAsync("/admin/settings", form);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("#" + errorId)!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Site settings", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(before, await StoredPromoAndContactAsync());
    }

    private Task<(string ContactEmail, string PromoTitle, string PromoUrl)> StoredPromoAndContactAsync() =>
        portal.WithDatabaseAsync(async db =>
        {
            var stored = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.SiteSettings.Select(s => new { s.ContactEmail, s.PromoTitle, s.PromoUrl }), TestContext.Current.CancellationToken);
            return (stored.ContactEmail, stored.PromoTitle, stored.PromoUrl);
        });
}
