namespace Rsis.Portal.Domain.Site;

public enum SiteLinkGroup
{
    PopularLinks = 0,
    Social = 1,
    Subscribe = 2,
    Contact = 3,
    Legal = 4,
}
