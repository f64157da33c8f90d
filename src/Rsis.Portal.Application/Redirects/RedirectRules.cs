namespace Rsis.Portal.Application.Redirects;

/// <summary>
/// What a redirect staff add must be: from an address of this site that no page answers (a live page would never
/// reach the redirect, so it would only mislead), to a local path or an http(s) address, and never round in a loop.
/// </summary>
public static class RedirectRules
{
    public const string OldPathFormMessage = "Enter the old address as a path of this site, starting with one /, such as /old-site/events.php, without ? or #.";
    public const string TargetFormMessage = "Enter where it goes as a path of this site starting with one /, or a full address starting with https:// or http://.";

    /// <summary>A path of this site: one leading slash, no query, fragment, spaces or control characters.</summary>
    public static bool IsOldPath(string? path) =>
        path is { Length: > 1 and <= Redirect.MaxPathLength }
        && path[0] == '/' && path[1] is not ('/' or '\\')
        && !path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '?' or '#' or '\\');

    /// <summary>A local path (not "//host", which browsers open as another site) or an absolute http(s) address.</summary>
    public static bool IsTarget(string? target)
    {
        if (target is not { Length: > 0 and <= Redirect.MaxTargetLength } || target.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\'))
        {
            return false;
        }

        if (target[0] == '/')
        {
            return target.Length == 1 || target[1] != '/';
        }

        return Uri.TryCreate(target, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host);
    }

    /// <summary>
    /// Whether a page answers <paramref name="path"/> today: the home page, an item's page, or any address of the
    /// site's own routes (<see cref="IReservedAddresses"/>). Under /publications, /authors and
    /// /categories only addresses of items that exist count, so an article the old site had can still redirect.
    /// </summary>
    public static async Task<bool> IsLiveAsync(IPortalDbContext db, IReservedAddresses reserved, string path, CancellationToken cancellationToken)
    {
        var segments = path.Trim('/').Split('/');
        if (segments[0].Length == 0)
        {
            return true;
        }

        if (!reserved.IsReserved(segments[0]))
        {
            var slug = segments[0];
            return segments.Length == 1
                && (await db.Pages.AnyAsync(p => p.Slug == slug, cancellationToken)
                    || await db.MenuItems.AnyAsync(m => m.Slug == slug, cancellationToken));
        }

        var last = segments[^1];
        var code = last.ToUpperInvariant();
        return (segments[0], segments.Length) switch
        {
            ("publications", 2) => await db.Series.AnyAsync(s => s.Slug == last, cancellationToken),
            ("publications", 3) => await db.Publications.AnyAsync(p => p.Slug == last || p.Code == code, cancellationToken),
            ("publications", > 3) or ("authors", > 2) or ("categories", > 2) => false,
            ("authors", 2) => await db.Authors.AnyAsync(a => a.Slug == last, cancellationToken),
            ("categories", 2) => await db.Categories.AnyAsync(c => c.Slug == last, cancellationToken),
            _ => true,
        };
    }
}
