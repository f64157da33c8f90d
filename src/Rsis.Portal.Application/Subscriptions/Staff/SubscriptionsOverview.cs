using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Application.Subscriptions.Staff;

/// <summary>
/// The staff page of email subscriptions: how many confirmed subscribers each list has (and how many wait for
/// confirmation), the outbox in three parts (waiting, sent, failed) with its latest rows, and, when staff search
/// for an address, whether it is subscribed. Addresses are shown only to the search that names one.
/// </summary>
public sealed record GetSubscriptionsOverview(string? Address, string? Show) : IQuery<SubscriptionsOverview>;

public sealed record SubscriptionsOverview(
    int Confirmed,
    int Unconfirmed,
    int AllPublications,
    int Events,
    int Weekly,
    IReadOnlyList<SeriesCount> BySeries,
    int Waiting,
    int Sent,
    int Failed,
    string Show,
    IReadOnlyList<OutboxRow> Outbox,
    string? Address,
    FoundSubscriber? Found);

public sealed record SeriesCount(string Series, int Subscribers);

public sealed record OutboxRow(long Id, OutboxKind Kind, string ItemType, int ItemId, string? Subject, DateTime CreatedAtUtc,
    DateTime? SentAtUtc, int Attempts, DateTime NextAttemptAtUtc, string? LastError, bool GaveUp);

public sealed record FoundSubscriber(int Id, string Email, bool Confirmed, DateTime CreatedAtUtc);

public sealed class GetSubscriptionsOverviewHandler(IPortalDbContext db) : IQueryHandler<GetSubscriptionsOverview, SubscriptionsOverview>
{
    public const string ShowWaiting = "waiting";
    public const string ShowSent = "sent";
    public const string ShowFailed = "failed";
    private const int Rows = 50;

    public async ValueTask<SubscriptionsOverview> Handle(GetSubscriptionsOverview query, CancellationToken cancellationToken)
    {
        var subscribers = db.Subscribers.AsNoTracking();
        var confirmed = subscribers.Where(s => s.ConfirmedAtUtc != null);
        var bySeries = await db.SubscriberSeries.AsNoTracking()
            .Where(c => db.Subscribers.Any(s => s.Id == c.SubscriberId && s.ConfirmedAtUtc != null && !s.AllPublications))
            .GroupBy(c => c.SeriesId)
            .Select(g => new { SeriesId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var names = await db.Series.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);

        var outbox = db.OutboxMessages.AsNoTracking().Where(m => !m.ForDigest);
        var waiting = outbox.Where(m => m.SentAtUtc == null && !m.GaveUp);
        var failed = outbox.Where(m => m.SentAtUtc == null && (m.GaveUp || m.LastError != null));
        var sent = outbox.Where(m => m.SentAtUtc != null);
        var show = query.Show is ShowSent or ShowFailed ? query.Show : ShowWaiting;
        var rows = show switch
        {
            ShowSent => sent.OrderByDescending(m => m.SentAtUtc),
            ShowFailed => failed.OrderByDescending(m => m.NextAttemptAtUtc),
            _ => waiting.OrderBy(m => m.NextAttemptAtUtc),
        };

        var address = SubscriberAddress.Normalize(query.Address);
        var found = address is null ? null : await subscribers.Where(s => s.Email == address)
            .Select(s => new FoundSubscriber(s.Id, s.Email, s.ConfirmedAtUtc != null, s.CreatedAtUtc))
            .SingleOrDefaultAsync(cancellationToken);

        return new SubscriptionsOverview(
            await confirmed.CountAsync(cancellationToken),
            await subscribers.CountAsync(s => s.ConfirmedAtUtc == null, cancellationToken),
            await confirmed.CountAsync(s => s.AllPublications, cancellationToken),
            await confirmed.CountAsync(s => s.Events, cancellationToken),
            await confirmed.CountAsync(s => s.Frequency == DeliveryFrequency.WeeklyDigest, cancellationToken),
            bySeries.Select(s => new SeriesCount(names.GetValueOrDefault(s.SeriesId, "?"), s.Count)).OrderBy(s => s.Series, StringComparer.Ordinal).ToList(),
            await waiting.CountAsync(cancellationToken),
            await sent.CountAsync(cancellationToken),
            await failed.CountAsync(cancellationToken),
            show,
            await rows.Take(Rows)
                .Select(m => new OutboxRow(m.Id, m.Kind, m.ItemType, m.ItemId, m.Subject, m.CreatedAtUtc, m.SentAtUtc, m.Attempts, m.NextAttemptAtUtc, m.LastError, m.GaveUp))
                .ToListAsync(cancellationToken),
            query.Address?.Trim(),
            found);
    }
}

/// <summary>Deletes a subscriber at their request; the audit log notes that one was deleted, and by whom, but not the address.</summary>
public sealed record DeleteSubscriber(int Id) : ICommand<bool>;

public sealed class DeleteSubscriberHandler(IPortalDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<DeleteSubscriber, bool>
{
    public async ValueTask<bool> Handle(DeleteSubscriber command, CancellationToken cancellationToken)
    {
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken);
        if (subscriber is null)
        {
            return false;
        }

        db.Subscribers.Remove(subscriber);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ChangedBy = currentUser.Name,
            EntityType = SubscriptionRules.AuditEntityType,
            EntityId = command.Id.ToString(CultureInfo.InvariantCulture),
            // Never the address: the point of the deletion is that it is no longer kept.
            EntityLabel = "a subscriber, at their request",
            Action = AuditAction.Deleted,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>Sends a failed outbox row again at the next turn of the worker, with its attempts counted afresh.</summary>
public sealed record RetryOutboxMessage(long Id) : ICommand<bool>;

public sealed class RetryOutboxMessageHandler(IPortalDbContext db, TimeProvider clock) : ICommandHandler<RetryOutboxMessage, bool>
{
    public async ValueTask<bool> Handle(RetryOutboxMessage command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboxMessages.Where(m => m.Id == command.Id && m.SentAtUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.GaveUp, false)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAtUtc, now), cancellationToken) > 0;
    }
}
