using Rsis.Portal.Application.Subscriptions.ConfirmSubscription;

namespace Rsis.Portal.Application.Subscriptions.Unsubscribe;

/// <summary>
/// Leaves every list: the subscriber and their unsent mail are deleted (nothing about them is kept). Through the
/// link in any email they were sent; a link already used finds nobody and changes nothing.
/// </summary>
public sealed record Unsubscribe(string? Subscriber, string? Token) : ICommand<LinkOutcome>;

public sealed class UnsubscribeHandler(IPortalDbContext db, SubscriptionLinks links) : ICommandHandler<Unsubscribe, LinkOutcome>
{
    public async ValueTask<LinkOutcome> Handle(Unsubscribe command, CancellationToken cancellationToken)
    {
        var (outcome, subscriber) = await SubscriberLink.CheckAsync(db, links, LinkPurpose.Manage, command.Subscriber, command.Token, cancellationToken);
        if (subscriber is not null)
        {
            db.Subscribers.Remove(subscriber);
            await db.SaveChangesAsync(cancellationToken);
        }

        return outcome;
    }
}
