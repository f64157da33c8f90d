using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>The staff dashboard's recent changes say what kind of item each change was to.</summary>
public sealed class DashboardTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    [Fact]
    public async Task Recent_changes_name_the_kind_of_item_that_changed()
    {
        var (staff, member) = await portal.SignedInAsync(StaffRoles.Editor);
        await staff.CreateItemAsync("authors", f => f.Set("Name", "Kwa Chong Guan"));
        var id = await staff.CreatePublicationAsync("Coastal Defence in the Riau Islands");
        var code = (await staff.EditFormAsync(id))["Code"];

        var changes = (await staff.GetPageAsync("/admin")).QuerySelectorAll(".admin-history li").Select(li => li.TextContent.Squash()).ToList();

        // A publication is named by its code, as in the audit log.
        Assert.Contains(changes, c => c.EndsWith($"{member.Email} created the publication {code}", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.EndsWith($"{member.Email} created the author Kwa Chong Guan", StringComparison.Ordinal));
    }
}
