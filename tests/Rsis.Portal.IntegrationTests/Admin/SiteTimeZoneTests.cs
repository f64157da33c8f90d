using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>
/// Staff enter and read times on the site's clock (Singapore unless <c>Site:TimeZone</c> says otherwise), with
/// the zone named; the database keeps UTC. The fake clock stands at 1 December 2026, 09:30 UTC: 17:30 in Singapore.
/// </summary>
public sealed class SiteTimeZoneTests(FakeClockPortal portal) : IClassFixture<FakeClockPortal>
{
    [Fact]
    public async Task Publish_at_is_entered_in_singapore_time_stored_in_utc_and_shown_back_in_singapore_time()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        var id = await staff.CreatePublicationAsync("Morning Release on Port Security", status: "Published",
            change: f => f.Set("PublishAt", "2026-12-02T09:00"));

        var stored = await portal.WithDatabaseAsync(db => db.Publications.Where(p => p.Id == id).Select(p => p.PublishAtUtc).SingleAsync());
        var edit = await staff.GetPageAsync($"/admin/publications/{id}/edit");
        var list = await staff.GetPageAsync("/admin/publications?status=Scheduled");
        Assert.Equal(new DateTime(2026, 12, 2, 1, 0, 0), stored);
        Assert.Equal("Publish at (Singapore time) (optional)", edit.QuerySelector("label[for='field-PublishAt']")!.TextContent.Squash());
        Assert.Equal("2026-12-02T09:00", edit.QuerySelector("#field-PublishAt")!.GetAttribute("value"));
        Assert.Contains("2 Dec 2026 09:00 Singapore time", list.QuerySelector(".admin-table")!.TextContent.Squash(), StringComparison.Ordinal);
        // Still a draft to readers until 09:00 in Singapore, 01:00 UTC.
        using var early = await portal.CreateReader().GetAsync(new Uri(await staff.PublicAddressAsync(id), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, early.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_audit_log_and_edit_page_show_when_things_changed_in_singapore_time()
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Administrator);
        var id = await staff.CreatePublicationAsync("An Evening Save");

        var dashboard = (await staff.GetPageAsync("/admin")).QuerySelector(".admin-history")!.TextContent.Squash();
        var audit = await staff.GetPageAsync("/admin/audit");
        var facts = (await staff.GetPageAsync($"/admin/publications/{id}/edit")).QuerySelector(".admin-editor__aside")!.TextContent.Squash();

        Assert.Contains("1 Dec 2026 17:30 Singapore time", dashboard, StringComparison.Ordinal);
        Assert.Contains("When (Singapore time)", audit.QuerySelector("thead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 Dec 2026 17:30", audit.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Last saved 1 Dec 2026 17:30 Singapore time", facts, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", dashboard + facts, StringComparison.Ordinal);
    }
}
