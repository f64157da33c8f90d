using Rsis.Portal.Domain.Common;

namespace Rsis.Portal.Domain.Site;

/// <summary>
/// A link in the header or footer: popular links, social profiles, subscriptions, legal. Part of the site
/// settings as staff edit them: a change to a link is a save of the settings, under their token.
/// </summary>
public class SiteLink : IPartOfEdited
{
    public int Id { get; set; }
    public SiteLinkGroup Group { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }

    /// <summary>For social links, the network (e.g. "Facebook"), used for the accessible name and icon.</summary>
    public string? Network { get; set; }
    public int SortOrder { get; set; }

    public bool IsPartOf(IEdited item) => item is SiteSettings;
}
