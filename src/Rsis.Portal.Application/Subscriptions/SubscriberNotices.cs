using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Application.Subscriptions;

/// <summary>
/// The outbox rows for an item that has just come out (a publication, an event): one per confirmed subscriber of
/// its list — sent alone to those who asked for mail as published, kept for the weekly digest of the others.
/// Only added to the context: they are saved by the caller's save, in the transaction that makes the item public,
/// so an item is announced if and only if it came out. A subscriber who already has a row for the item (a draft
/// published, withdrawn and published again) gets no second one; the unique index stands behind that.
/// </summary>
public static class SubscriberNotices
{
    public const string PublicationItem = "Publication";
    public const string EventItem = "Event";

    /// <summary>Adds the rows for item <paramref name="itemId"/> of <paramref name="itemType"/>; answers how many.</summary>
    /// <param name="db">The context whose next save makes the item public.</param>
    /// <param name="itemType"><see cref="PublicationItem"/> or <see cref="EventItem"/>.</param>
    /// <param name="itemId">The item's id (saved already, so known).</param>
    /// <param name="list">Whose list it goes to.</param>
    /// <param name="seriesId">A publication's series: subscribers who chose series get it when it is one of theirs.</param>
    /// <param name="nowUtc">When it came out.</param>
    /// <param name="cancellationToken">The caller's.</param>
    public static async Task<int> QueueAsync(
        IPortalDbContext db, string itemType, int itemId, SubscriptionList list, int? seriesId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var confirmed = db.Subscribers.AsNoTracking().Where(s => s.ConfirmedAtUtc != null);
        var recipients = list == SubscriptionList.Events
            ? confirmed.Where(s => s.Events)
            : confirmed.Where(s => s.AllPublications || (seriesId != null && s.Series.Any(c => c.SeriesId == seriesId)));
        var already = db.OutboxMessages.Where(m => m.ItemType == itemType && m.ItemId == itemId && m.Kind == OutboxKind.NewItem)
            .Select(m => m.SubscriberId);
        var rows = await recipients.Where(s => !already.Contains(s.Id))
            .Select(s => new { s.Id, s.Frequency })
            .ToListAsync(cancellationToken);
        foreach (var recipient in rows)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                SubscriberId = recipient.Id,
                Kind = OutboxKind.NewItem,
                ItemType = itemType,
                ItemId = itemId,
                CreatedAtUtc = nowUtc,
                NextAttemptAtUtc = nowUtc,
                ForDigest = recipient.Frequency == DeliveryFrequency.WeeklyDigest,
            });
        }

        return rows.Count;
    }

    /// <summary>Whether a publication in this state is one readers can see at <paramref name="nowUtc"/>.</summary>
    public static bool IsPublic(Publication publication, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(publication);
        return publication.Status == PublicationStatus.Published && publication.DeletedAtUtc is null
            && (publication.PublishAtUtc is null || publication.PublishAtUtc <= nowUtc);
    }
}
