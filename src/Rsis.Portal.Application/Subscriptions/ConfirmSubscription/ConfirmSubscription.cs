using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Application.Subscriptions.ConfirmSubscription;

/// <summary>What became of a link: each answer is a page of its own, and only <see cref="Done"/> changed anything.</summary>
public enum LinkOutcome
{
    Done = 0,

    /// <summary>Cut, changed, or made for another address.</summary>
    Invalid = 1,

    /// <summary>A confirmation older than 48 hours.</summary>
    Expired = 2,

    /// <summary>Signed here, but used already or replaced (the address confirmed or unsubscribed since).</summary>
    Used = 3,
}

/// <summary>Confirms an address through the link mailed to it. Nothing changes unless the link is whole, current and fresh.</summary>
public sealed record ConfirmSubscription(string? Subscriber, string? Token) : ICommand<LinkOutcome>;

public sealed class ConfirmSubscriptionHandler(IPortalDbContext db, SubscriptionLinks links, TimeProvider clock)
    : ICommandHandler<ConfirmSubscription, LinkOutcome>
{
    public async ValueTask<LinkOutcome> Handle(ConfirmSubscription command, CancellationToken cancellationToken)
    {
        var (outcome, subscriber) = await SubscriberLink.CheckAsync(db, links, LinkPurpose.Confirm, command.Subscriber, command.Token, cancellationToken);
        if (outcome != LinkOutcome.Done || subscriber is null)
        {
            return outcome;
        }

        if (subscriber.IsConfirmed)
        {
            return LinkOutcome.Used;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        subscriber.ConfirmedAtUtc = now;
        subscriber.LastDigestAtUtc = now;
        // A new key ends the confirmation link (used once) and any other sent before it.
        subscriber.LinkKey = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return LinkOutcome.Done;
    }
}

/// <summary>Reading a mailed link back to its subscriber, the same way for every page a link opens.</summary>
public static class SubscriberLink
{
    public static async Task<(LinkOutcome Outcome, Subscriber? Subscriber)> CheckAsync(
        IPortalDbContext db, SubscriptionLinks links, LinkPurpose purpose, string? subscriberId, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(links);
        if (links.Read(purpose, subscriberId, token) is not { } ticket)
        {
            return (LinkOutcome.Invalid, null);
        }

        if (purpose == LinkPurpose.Confirm && links.HasExpired(ticket.IssuedAtUtc))
        {
            return (LinkOutcome.Expired, null);
        }

        var subscriber = await db.Subscribers.Include(s => s.Series).SingleOrDefaultAsync(s => s.Id == ticket.SubscriberId, cancellationToken);
        return subscriber is null || subscriber.LinkKey != ticket.Key ? (LinkOutcome.Used, null) : (LinkOutcome.Done, subscriber);
    }
}
