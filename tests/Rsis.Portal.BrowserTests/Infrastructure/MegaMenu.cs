namespace Rsis.Portal.BrowserTests.Infrastructure;

/// <summary>The main menu as the markup contract describes it: nav#site-nav, top-level buttons that control their panels.</summary>
public sealed class MegaMenu(IPage page)
{
    public ILocator Nav => page.Locator("#site-nav");

    public ILocator Button(string title) => Nav.GetByRole(AriaRole.Button, new() { Name = title, Exact = true });

    public ILocator TopLink(string title) => Nav.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });

    /// <summary>The panel a top-level button names in its aria-controls.</summary>
    public async Task<ILocator> PanelOfAsync(string title)
    {
        var id = await Button(title).GetAttributeAsync("aria-controls");
        Assert.False(string.IsNullOrEmpty(id), $"The \"{title}\" button names no panel in aria-controls.");
        return page.Locator($"#{id}.mega-menu__panel");
    }

    public static ILocator Link(ILocator panel, string name) =>
        panel.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
