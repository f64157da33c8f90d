namespace Rsis.Portal.Domain.Subscriptions;

/// <summary>
/// An email to send, written in the same transaction as what caused it (a publication coming out, a subscription
/// asked for) and sent later by the outbox worker. One row per (subscriber, item type, item id, kind), enforced by
/// a unique index: an item is never queued twice for anyone, and a row is sent at most once (claimed before sending).
/// </summary>
public class OutboxMessage
{
    public const int MaxErrorLength = 1000;

    public long Id { get; set; }

    public int SubscriberId { get; set; }

    public OutboxKind Kind { get; set; }

    /// <summary>"Publication", "Event", "Digest" (its id the day it covers up to), "Request" (its id the subscriber's request number).</summary>
    public required string ItemType { get; set; }

    public int ItemId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When it may be sent (now, or after a failure the back-off's time).</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    public int Attempts { get; set; }

    /// <summary>Set by the node that takes the row to send it; another node leaves a claimed row alone until the claim lapses.</summary>
    public Guid? ClaimedBy { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>What went wrong on the last attempt, for staff.</summary>
    public string? LastError { get; set; }

    /// <summary>The subject, once rendered (kept so staff see what was sent).</summary>
    public string? Subject { get; set; }

    /// <summary>
    /// A new item for a weekly subscriber: not sent alone, but gathered into their next digest, whose row
    /// <see cref="DigestId"/> then names.
    /// </summary>
    public bool ForDigest { get; set; }

    public long? DigestId { get; set; }

    /// <summary>True once it has failed as often as the worker tries: staff may retry it.</summary>
    public bool GaveUp { get; set; }
}

public enum OutboxKind
{
    /// <summary>"Confirm your subscription", with the signed link.</summary>
    Confirmation = 0,

    /// <summary>"You are already subscribed", with the link to change lists.</summary>
    AlreadySubscribed = 1,

    /// <summary>A new publication or event, as published.</summary>
    NewItem = 2,

    /// <summary>The weekly digest.</summary>
    Digest = 3,
}
