namespace Rsis.Portal.BrowserTests.Infrastructure;

/// <summary>The two widths the layout is designed for: desktop (mega menu) and a phone (menu toggle, below 992 px).</summary>
public static class Viewports
{
    public static ViewportSize Desktop => new() { Width = 1280, Height = 900 };

    public static ViewportSize Phone => new() { Width = 375, Height = 812 };
}
