using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>Both groups have a "Policy Reports" and a "Working Papers": every series picker says which group each is in.</summary>
public sealed class SeriesPickerTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    [Theory]
    [InlineData("/admin/publications", "#filter-series")]
    [InlineData("/admin/publications/new", "#field-SeriesId")]
    [InlineData("/admin/menu/new", "#field-SeriesId")]
    public async Task Every_series_picker_lists_the_series_under_their_group(string url, string picker)
    {
        var (staff, _) = await portal.SignedInAsync(StaffRoles.Editor);

        var select = (await staff.GetPageAsync(url)).QuerySelector(picker)!;

        var groups = select.QuerySelectorAll("optgroup").ToList();
        Assert.Equal(["RSIS Publications", "External Publications"], groups.Select(g => g.GetAttribute("label")));
        foreach (var group in groups)
        {
            var names = group.QuerySelectorAll("option").Select(o => o.TextContent.Trim()).ToList();
            Assert.Contains(names, n => n.StartsWith("Policy Reports", StringComparison.Ordinal));
            Assert.Contains(names, n => n.StartsWith("Working Papers", StringComparison.Ordinal));
        }

        // Only the "choose"/"all" option stands outside the groups.
        Assert.Single(select.Children, c => c.LocalName == "option");
    }
}
