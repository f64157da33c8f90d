using Rsis.Portal.Application.Navigation;

namespace Rsis.Portal.Application.Pages.GetContentPage;

/// <summary>
/// A page at <c>/{slug}</c>: a written content page, or else the section page of the menu entry with
/// that slug (its title and the links under it or beside it), so no menu entry ever leads to a 404.
/// </summary>
public sealed record GetContentPage(string Slug) : IQuery<ContentPage?>;

public sealed record ContentPage(
    string Title,
    IReadOnlyList<Link> Trail,
    string? BodyHtml,
    string? LinksHeading,
    IReadOnlyList<SectionLink> Links,
    ContactDetails? Contact)
{
    /// <summary>A menu section page: its entries are its content, not a fallback beside missing text.</summary>
    public bool IsSection { get; init; }
}

/// <summary>An entry of a section page, with the entries under it (one level).</summary>
public sealed record SectionLink(string Title, string Url, IReadOnlyList<Link> Children);

public sealed record ContactDetails(IReadOnlyList<string> AddressLines, IReadOnlyList<Link> Links);

public sealed class GetContentPageHandler(IPortalDbContext db, ISharedDataCache cache, MarkdownRenderer markdown)
    : IQueryHandler<GetContentPage, ContentPage?>
{
    public async ValueTask<ContentPage?> Handle(GetContentPage query, CancellationToken cancellationToken)
    {
        var rows = await MenuRows.LoadAsync(db, cache, cancellationToken);
        var menu = MenuTree.Build(rows);
        var rowsById = rows.ToDictionary(r => r.Id);

        var page = await db.Pages.AsNoTracking()
            .Where(p => p.Slug == query.Slug)
            .Select(p => new { p.Id, p.Title, p.Body, p.ShowsContactDetails })
            .SingleOrDefaultAsync(cancellationToken);

        if (page is not null)
        {
            return await WrittenPageAsync(db, menu, markdown, query.Slug, page.Title, page.Body, page.ShowsContactDetails, cancellationToken);
        }

        var path = FindPath(menu, n => rowsById[n.Id].Slug == query.Slug);
        if (path is null)
        {
            return null;
        }

        var node = path[^1];
        // An entry with children is a section: its page lists them, and theirs, as its content.
        var (heading, links, nested) = node.Children.Count > 0
            ? ("In this section", node.Children, true)
            : path.Count > 1
                ? ($"More in {path[^2].Title}", path[^2].Children, false)
                : ("Explore RSIS", menu, false);

        return new ContentPage(
            node.Title,
            Trail(path),
            null,
            heading,
            links.Select(n => new SectionLink(
                n.Title, n.Url, nested ? n.Children.Select(c => new Link(c.Title, c.Url)).ToList() : [])).ToList(),
            null)
        {
            IsSection = nested,
        };
    }

    /// <summary>A written content page at <c>/{slug}</c>: the live page and its preview alike.</summary>
    internal static async Task<ContentPage> WrittenPageAsync(
        IPortalDbContext db, IReadOnlyList<MenuNode> menu, MarkdownRenderer markdown,
        string slug, string title, string body, bool showsContactDetails, CancellationToken cancellationToken)
    {
        // The trail follows the menu entry that opens this page, if there is one.
        var entry = FindPath(menu, n => n.Url == PortalUrls.Page(slug));
        return new ContentPage(
            title,
            entry is null ? [] : Trail(entry),
            markdown.ToSafeHtml(body),
            null,
            [],
            showsContactDetails ? await LoadContactDetailsAsync(db, PortalUrls.Page(slug), cancellationToken) : null);
    }

    /// <summary>The breadcrumb trail above the page: its menu ancestors, then the page itself.</summary>
    private static List<Link> Trail(IReadOnlyList<MenuNode> path) =>
        path.Select(n => new Link(n.Title, n.Url)).ToList();

    /// <summary>The path from the top of the menu to the first entry, in menu order, that matches.</summary>
    private static List<MenuNode>? FindPath(IReadOnlyList<MenuNode> nodes, Func<MenuNode, bool> match)
    {
        foreach (var node in nodes)
        {
            if (match(node))
            {
                return [node];
            }

            if (FindPath(node.Children, match) is { } below)
            {
                below.Insert(0, node);
                return below;
            }
        }

        return null;
    }

    /// <summary>
    /// The address and contact links. A link to the page itself ("Get in Touch" on Contact Us) writes to the
    /// contact email instead, or is left out while staff have set none: a link to where the reader is helps nobody.
    /// </summary>
    private static async Task<ContactDetails> LoadContactDetailsAsync(IPortalDbContext db, string pageUrl, CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.AsNoTracking().Select(s => new { s.Address, s.ContactEmail }).SingleAsync(cancellationToken);
        var address = settings.Address;
        var links = await db.SiteLinks.AsNoTracking()
            .Where(l => l.Group == SiteLinkGroup.Contact)
            .OrderBy(l => l.SortOrder)
            .Select(l => new Link(l.Title, l.Url))
            .ToListAsync(cancellationToken);
        links = links
            .Select(l => l.Url != pageUrl ? l : string.IsNullOrWhiteSpace(settings.ContactEmail) ? null : l with { Url = "mailto:" + settings.ContactEmail })
            .OfType<Link>()
            .ToList();
        return new ContactDetails(
            address.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), links);
    }
}
