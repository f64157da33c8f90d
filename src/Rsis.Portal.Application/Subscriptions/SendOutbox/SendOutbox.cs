using Microsoft.Extensions.Options;
using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Application.Subscriptions.SendOutbox;

/// <summary>
/// Sends what is due in the outbox, up to <see cref="BatchSize"/> rows; answers how many were sent. Each row is first
/// claimed in the database (an UPDATE that only an unclaimed, unsent row matches), so two nodes never take the same
/// one, and marked sent right after the mail system accepts it; a restart finds it sent. A failure is noted, and the
/// row is tried again after a back-off that doubles, until <see cref="SubscriptionOptions.MaxAttempts"/>, when it
/// is left for staff to retry. Run by a background job under a lock of its own as well.
/// </summary>
public sealed record SendOutbox : ICommand<int>
{
    public const int BatchSize = 50;
}

public sealed class SendOutboxHandler(
    IPortalDbContext db, SubscriptionMail mail, IMailSender sender, TimeProvider clock, IOptions<SubscriptionOptions> options)
    : ICommandHandler<SendOutbox, int>
{
    public async ValueTask<int> Handle(SendOutbox command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = Guid.NewGuid();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAtUtc == null && !m.GaveUp && !m.ForDigest && m.NextAttemptAtUtc <= now
                && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(SendOutbox.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var until = now + SubscriptionRules.ClaimLifetime;
        await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.SentAtUtc == null && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntilUtc, until), cancellationToken);
        var mine = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimedBy == claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var message in mine)
        {
            var subscriber = await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == message.SubscriberId, cancellationToken);
            try
            {
                var mime = subscriber is null ? null : await mail.WriteAsync(db, message, subscriber, now, cancellationToken);
                if (mime is null)
                {
                    await EndAsync(message.Id, "Nothing was sent: what it announced is no longer public.", cancellationToken);
                    continue;
                }

                await sender.SendAsync(mime, cancellationToken);
                var at = clock.GetUtcNow().UtcDateTime;
                await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAtUtc, at)
                    .SetProperty(m => m.Subject, Shorten(mime.Subject ?? "", 500))
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
                if (message.Kind == OutboxKind.Digest)
                {
                    await db.OutboxMessages.Where(m => m.DigestId == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAtUtc, at), cancellationToken);
                }

                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var attempts = message.Attempts + 1;
                var gaveUp = attempts >= options.Value.MaxAttempts;
                var next = now + SubscriptionRules.BackOff(attempts, options.Value.FirstRetryAfter);
                var error = Shorten($"{exception.GetType().Name}: {exception.Message}", OutboxMessage.MaxErrorLength);
                await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAtUtc, next)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.GaveUp, gaveUp)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
            }
        }

        return sent;
    }

    private Task<int> EndAsync(long id, string why, CancellationToken cancellationToken) =>
        db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.GaveUp, true)
            .SetProperty(m => m.LastError, why)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), cancellationToken);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];
}
