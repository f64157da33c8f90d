using Rsis.Portal.Application.Navigation;
using Rsis.Portal.Domain.Navigation;

namespace Rsis.Portal.UnitTests.Navigation;

public sealed class MenuTreeTests
{
    private static MenuRow Row(int id, int? parent, string title, int order, bool visible = true,
        MenuTargetKind kind = MenuTargetKind.Section, string? url = null) =>
        new(id, parent, title, title.ToLowerInvariant().Replace(' ', '-'), kind, url, order, visible);

    [Fact]
    public void Entries_nest_under_their_parents_in_sort_order()
    {
        var tree = MenuTree.Build(
        [
            Row(2, null, "Research", 2),
            Row(1, null, "About RSIS", 1),
            Row(12, 1, "Staff Profiles", 2),
            Row(11, 1, "Introduction", 1),
            Row(121, 12, "Dean Office", 1),
        ]);

        Assert.Equal(["About RSIS", "Research"], tree.Select(n => n.Title));
        Assert.Equal(["Introduction", "Staff Profiles"], tree[0].Children.Select(n => n.Title));
        Assert.Equal("Dean Office", Assert.Single(tree[0].Children[1].Children).Title);
    }

    [Fact]
    public void A_hidden_entry_hides_its_whole_branch()
    {
        var tree = MenuTree.Build([Row(1, null, "About", 1), Row(2, 1, "Hidden", 1, visible: false), Row(3, 2, "Child", 1)]);

        Assert.Empty(Assert.Single(tree).Children);
    }

    [Fact]
    public void Entries_deeper_than_three_levels_or_without_a_parent_are_left_out()
    {
        var tree = MenuTree.Build([Row(1, null, "One", 1), Row(2, 1, "Two", 1), Row(3, 2, "Three", 1), Row(4, 3, "Four", 1), Row(9, 99, "Orphan", 1)]);

        var three = Assert.Single(Assert.Single(Assert.Single(tree).Children).Children);
        Assert.Equal("Three", three.Title);
        Assert.Empty(three.Children);
    }

    [Fact]
    public void An_entry_opens_its_target_or_else_its_own_section_page()
    {
        var tree = MenuTree.Build(
        [
            Row(1, null, "Events", 1),
            Row(2, null, "Publications", 2, kind: MenuTargetKind.Url, url: "/publications"),
            Row(3, null, "Gone Series", 3, kind: MenuTargetKind.Series, url: null),
        ]);

        Assert.Equal(["/events", "/publications", "/gone-series"], tree.Select(n => n.Url));
    }
}
