namespace Rsis.Portal.Web.Models;

/// <summary>The subscriber and token a mailed link's page posts back with its button.</summary>
public sealed record SubscriptionLinkModel(string Subscriber, string Token);
