using Rsis.Portal.Application.Subscriptions.ConfirmSubscription;

namespace Rsis.Portal.Application.Subscriptions.CheckSubscriptionLink;

/// <summary>
/// What a mailed link would do, without doing it: the pages it opens show a button (a mail scanner that follows
/// links changes nothing), or, for a link cut, expired or used, say so at once.
/// </summary>
public sealed record CheckSubscriptionLink(LinkPurpose Purpose, string? Subscriber, string? Token) : IQuery<LinkOutcome>;

public sealed class CheckSubscriptionLinkHandler(IPortalDbContext db, SubscriptionLinks links) : IQueryHandler<CheckSubscriptionLink, LinkOutcome>
{
    public async ValueTask<LinkOutcome> Handle(CheckSubscriptionLink query, CancellationToken cancellationToken)
    {
        var (outcome, subscriber) = await SubscriberLink.CheckAsync(db, links, query.Purpose, query.Subscriber, query.Token, cancellationToken);
        return query.Purpose == LinkPurpose.Confirm && subscriber is { IsConfirmed: true } ? LinkOutcome.Used : outcome;
    }
}
