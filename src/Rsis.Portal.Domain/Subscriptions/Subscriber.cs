namespace Rsis.Portal.Domain.Subscriptions;

/// <summary>
/// Someone who asked for email: only their address, what they chose, when, and whether they confirmed. Nothing
/// else about them is kept (no name, no client address, no opens or clicks).
/// </summary>
public class Subscriber
{
    /// <summary>The longest address SMTP carries (RFC 5321's path limit less its angle brackets).</summary>
    public const int MaxEmailLength = 254;

    public int Id { get; set; }

    /// <summary>The address as mail is sent to it: the domain lower-cased, a Unicode domain in its ASCII (punycode) form.</summary>
    public required string Email { get; set; }

    /// <summary>New publications of every series.</summary>
    public bool AllPublications { get; set; }

    /// <summary>New publications of these series only (ignored when <see cref="AllPublications"/>).</summary>
    public List<SubscriberSeries> Series { get; } = [];

    /// <summary>New events.</summary>
    public bool Events { get; set; }

    public DeliveryFrequency Frequency { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the address was confirmed through the emailed link; until then nothing but the confirmation is sent.</summary>
    public DateTime? ConfirmedAtUtc { get; set; }

    /// <summary>The end of the period the last weekly digest covered (or the confirmation, before the first).</summary>
    public DateTime? LastDigestAtUtc { get; set; }

    /// <summary>When the last confirmation or "already subscribed" mail was asked for: one per address per while.</summary>
    public DateTime? LastRequestAtUtc { get; set; }

    /// <summary>How many such mails have been asked for; numbers each one in the outbox.</summary>
    public int Requests { get; set; }

    /// <summary>
    /// Carried in every link mailed to this subscriber (signed, so not a secret itself): renewing it, as confirming
    /// does, ends the links sent before, so a confirmation link cannot be used twice.
    /// </summary>
    public Guid LinkKey { get; set; } = Guid.NewGuid();

    public bool IsConfirmed => ConfirmedAtUtc is not null;
}

/// <summary>One chosen series of a subscriber.</summary>
public class SubscriberSeries
{
    public int SubscriberId { get; set; }
    public int SeriesId { get; set; }
}

public enum DeliveryFrequency
{
    /// <summary>One email per new item, when it is published.</summary>
    AsPublished = 0,

    /// <summary>One email a week listing what was published since the last.</summary>
    WeeklyDigest = 1,
}
