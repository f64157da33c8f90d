namespace Rsis.Portal.Application.Common.Interfaces;

/// <summary>
/// The first path segments the site's own routes and files answer (<c>publications</c>, <c>search</c>,
/// <c>admin</c>, <c>css</c>, <c>robots.txt</c>, …), read from the app's routes rather than kept by hand, so a route
/// added to the app is reserved the day it is added. A content page or a menu entry's section page at
/// <c>/{slug}</c> may not take one (the route wins, so that page could never be opened), and a redirect from an
/// address under one would never be used.
/// </summary>
public interface IReservedAddresses
{
    /// <summary>Whether <paramref name="segment"/> (no slashes; any case) is the first segment of one of the site's own addresses.</summary>
    bool IsReserved(string segment);
}
