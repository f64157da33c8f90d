namespace Rsis.Portal.Application.Subscriptions;

/// <summary>The item types of outbox rows that are not announced items.</summary>
public static class OutboxItems
{
    /// <summary>A confirmation or "already subscribed" mail; its id is the subscriber's request number.</summary>
    public const string Request = "Request";

    /// <summary>A weekly digest; its id is the day number of the week's digest day, so one per subscriber a week.</summary>
    public const string Digest = "Digest";
}
