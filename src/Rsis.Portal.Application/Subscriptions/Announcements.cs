namespace Rsis.Portal.Application.Subscriptions;

/// <summary>
/// An item as an email announces it: its title, a line under it, a short text, its public path, and what the
/// plain-text part says before the link ("Read it" for a publication, "Details" for an event).
/// </summary>
public sealed record Announcement(int Id, string Title, string Line, string Summary, string Path, string LinkLabel = "Read it");

/// <summary>
/// Reads the items of one type (<see cref="ItemType"/>, as <see cref="SubscriberNotices"/> queued them) for the
/// emails that announce them. Publications are read by <see cref="PublicationAnnouncements"/>; another announced
/// type (events) registers one of its own. An item no longer public (withdrawn, in the Trash) is left out.
/// </summary>
public interface IAnnouncedItems
{
    string ItemType { get; }

    Task<IReadOnlyList<Announcement>> ReadAsync(IPortalDbContext db, IReadOnlyCollection<int> ids, DateTime nowUtc, CancellationToken cancellationToken);
}

public sealed class PublicationAnnouncements : IAnnouncedItems
{
    public string ItemType => SubscriberNotices.PublicationItem;

    public async Task<IReadOnlyList<Announcement>> ReadAsync(
        IPortalDbContext db, IReadOnlyCollection<int> ids, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Publications.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.Status == PublicationStatus.Published && p.DeletedAtUtc == null
                && (p.PublishAtUtc == null || p.PublishAtUtc <= nowUtc))
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Synopsis,
                p.PublishedOn,
                SeriesName = p.Series.Name,
                SeriesSlug = p.Series.Slug,
                p.Slug,
                Authors = p.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(p => new Announcement(
                p.Id,
                p.Title,
                string.Join(" · ", new[] { p.SeriesName, string.Join(", ", p.Authors), p.PublishedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) }
                    .Where(part => part.Length > 0)),
                p.Synopsis,
                PortalUrls.Publication(p.SeriesSlug, p.Slug)))
            .ToList();
    }
}
