namespace Rsis.Portal.Domain.Subscriptions;

/// <summary>What a subscriber can ask to be sent.</summary>
public enum SubscriptionList
{
    Publications = 0,
    Events = 1,
}
