using Rsis.Portal.Application.Subscriptions.ConfirmSubscription;

namespace Rsis.Portal.Application.Subscriptions.ManageSubscription;

/// <summary>A subscriber's lists as the manage form shows them, through their mailed link; null fields when the link does not open them.</summary>
public sealed record GetSubscriptionForManaging(string? Subscriber, string? Token) : IQuery<ManagedSubscription>;

public sealed record ManagedSubscription(LinkOutcome Outcome, SubscriptionFields? Fields, string? Email);

public sealed class GetSubscriptionForManagingHandler(IPortalDbContext db, SubscriptionLinks links)
    : IQueryHandler<GetSubscriptionForManaging, ManagedSubscription>
{
    public async ValueTask<ManagedSubscription> Handle(GetSubscriptionForManaging query, CancellationToken cancellationToken)
    {
        var (outcome, subscriber) = await SubscriberLink.CheckAsync(db, links, LinkPurpose.Manage, query.Subscriber, query.Token, cancellationToken);
        return subscriber is null ? new(outcome, null, null) : new(outcome, SubscriptionFields.Of(subscriber), subscriber.Email);
    }
}

/// <summary>Saves a subscriber's new choice of lists, through their mailed link.</summary>
public sealed record ChangeLists : SubscriptionFields, ICommand<LinkOutcome>
{
    public string? Subscriber { get; init; }
    public string? Token { get; init; }
}

public sealed class ChangeListsValidator(IPortalDbContext db) : SubscriptionFieldsValidator<ChangeLists>(db);

public sealed class ChangeListsHandler(IPortalDbContext db, SubscriptionLinks links) : ICommandHandler<ChangeLists, LinkOutcome>
{
    public async ValueTask<LinkOutcome> Handle(ChangeLists command, CancellationToken cancellationToken)
    {
        var (outcome, subscriber) = await SubscriberLink.CheckAsync(db, links, LinkPurpose.Manage, command.Subscriber, command.Token, cancellationToken);
        if (subscriber is not null)
        {
            command.WriteTo(subscriber, subscriber.Series.Select(s => s.SeriesId).ToList());
            await db.SaveChangesAsync(cancellationToken);
        }

        return outcome;
    }
}
