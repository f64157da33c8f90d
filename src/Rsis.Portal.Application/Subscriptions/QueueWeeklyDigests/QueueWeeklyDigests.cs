using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Application.Subscriptions.QueueWeeklyDigests;

/// <summary>
/// The week's digests, due at <see cref="DueAtUtc"/> (the configured day and local time): one outbox row per weekly
/// subscriber who has anything new, gathering the items kept for it. Numbered by the digest day
/// (<see cref="DayNumber"/>), so a second run for the same week, on any node, adds nothing. Answers how many.
/// </summary>
public sealed record QueueWeeklyDigests(DateTime DueAtUtc, int DayNumber) : ICommand<int>;

public sealed class QueueWeeklyDigestsHandler(IPortalDbContext db) : ICommandHandler<QueueWeeklyDigests, int>
{
    public async ValueTask<int> Handle(QueueWeeklyDigests command, CancellationToken cancellationToken)
    {
        var waiting = await db.OutboxMessages
            .Where(m => m.ForDigest && m.DigestId == null && m.SentAtUtc == null && m.CreatedAtUtc <= command.DueAtUtc)
            .ToListAsync(cancellationToken);
        var subscribers = waiting.Select(m => m.SubscriberId).Distinct().ToList();
        if (subscribers.Count == 0)
        {
            return 0;
        }

        var done = await db.OutboxMessages
            .Where(m => m.Kind == OutboxKind.Digest && m.ItemId == command.DayNumber && subscribers.Contains(m.SubscriberId))
            .Select(m => m.SubscriberId).ToListAsync(cancellationToken);
        var digests = subscribers.Except(done).ToDictionary(id => id, id => new OutboxMessage
        {
            SubscriberId = id,
            Kind = OutboxKind.Digest,
            ItemType = OutboxItems.Digest,
            ItemId = command.DayNumber,
            CreatedAtUtc = command.DueAtUtc,
            NextAttemptAtUtc = command.DueAtUtc,
        });
        if (digests.Count == 0)
        {
            return 0;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.OutboxMessages.AddRange(digests.Values);
            await db.Subscribers.Where(s => digests.Keys.Contains(s.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastDigestAtUtc, command.DueAtUtc), ct);
            await db.SaveChangesAsync(ct);
            foreach (var item in waiting.Where(m => digests.ContainsKey(m.SubscriberId)))
            {
                item.DigestId = digests[item.SubscriberId].Id;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        return digests.Count;
    }
}
