namespace Rsis.Portal.Application.Common.Caching;

/// <summary>
/// Output-cache tags: what a cached public page shows. A save evicts the tags of what it changed.
/// Every page shows the menu and the footer, so they carry <see cref="Site"/>.
/// </summary>
public static class CacheTags
{
    /// <summary>The menu, the series list and the header and footer settings: on every page.</summary>
    public const string Site = "site";

    /// <summary>Any page that shows or lists publications, authors or categories.</summary>
    public const string Publications = "publications";

    /// <summary>Content pages and the section pages built from the menu.</summary>
    public const string Pages = "pages";

    /// <summary>Any page, calendar or feed that shows or lists events (the home page and authors' pages too).</summary>
    public const string Events = "events";
}
