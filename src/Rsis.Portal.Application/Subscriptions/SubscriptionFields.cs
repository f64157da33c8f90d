using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Application.Subscriptions;

/// <summary>
/// What a subscriber chooses, as the subscribe and manage forms send it: new publications (of every series, or of
/// the series ticked), events, and how often. Values arrive as text so that a made-up value gets a message.
/// </summary>
public record SubscriptionFields
{
    public const string PublicationsAll = "all";
    public const string PublicationsChosen = "chosen";
    public const string PublicationsNone = "none";

    /// <summary>"all", "chosen" (the series in <see cref="Series"/>), or "none".</summary>
    public string? Publications { get; init; } = PublicationsAll;

    /// <summary>A list, not a read-only one, so that model binding fills it from the ticked boxes.</summary>
    public List<int> Series { get; init; } = [];

    public bool Events { get; init; }

    /// <summary>"AsPublished" or "WeeklyDigest".</summary>
    public string? Frequency { get; init; } = nameof(DeliveryFrequency.AsPublished);

    public const string NothingChosenMessage = "Choose new publications, events, or both.";
    public const string NoSeriesMessage = "Choose at least one series, or all publications.";
    public const string UnknownSeriesMessage = "One of the chosen series no longer exists. Choose again.";
    public const string FrequencyMessage = "Choose how often: as published, or a weekly digest.";

    internal DeliveryFrequency FrequencyValue => Enum.Parse<DeliveryFrequency>(Frequency!);

    internal void WriteTo(Subscriber subscriber, IReadOnlyList<int> existingSeries)
    {
        subscriber.AllPublications = Publications == PublicationsAll;
        subscriber.Events = Events;
        subscriber.Frequency = FrequencyValue;
        var chosen = Publications == PublicationsChosen ? Series.Distinct().ToList() : [];
        subscriber.Series.RemoveAll(s => !chosen.Contains(s.SeriesId));
        foreach (var id in chosen.Where(id => !existingSeries.Contains(id)))
        {
            subscriber.Series.Add(new SubscriberSeries { SeriesId = id });
        }
    }

    public static SubscriptionFields Of(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return new SubscriptionFields
        {
            Publications = subscriber.AllPublications ? PublicationsAll : subscriber.Series.Count > 0 ? PublicationsChosen : PublicationsNone,
            Series = subscriber.Series.Select(s => s.SeriesId).ToList(),
            Events = subscriber.Events,
            Frequency = subscriber.Frequency.ToString(),
        };
    }
}

/// <summary>The rules both forms share.</summary>
public abstract class SubscriptionFieldsValidator<T> : AbstractValidator<T> where T : SubscriptionFields
{
    protected SubscriptionFieldsValidator(IPortalDbContext db)
    {
        RuleFor(f => f.Publications)
            .Must(p => p is SubscriptionFields.PublicationsAll or SubscriptionFields.PublicationsChosen or SubscriptionFields.PublicationsNone)
            .WithMessage(SubscriptionFields.NothingChosenMessage);
        RuleFor(f => f)
            .Must(f => f.Events || f.Publications is SubscriptionFields.PublicationsAll or SubscriptionFields.PublicationsChosen)
            .WithName(nameof(SubscriptionFields.Publications))
            .OverridePropertyName(nameof(SubscriptionFields.Publications))
            .WithMessage(SubscriptionFields.NothingChosenMessage);
        RuleFor(f => f.Series)
            .NotEmpty()
            .When(f => f.Publications == SubscriptionFields.PublicationsChosen)
            .WithMessage(SubscriptionFields.NoSeriesMessage);
        RuleFor(f => f.Series)
            .MustAsync(async (ids, ct) => ids.Count <= 100 && await db.Series.CountAsync(s => ids.Contains(s.Id), ct) == ids.Distinct().Count())
            .When(f => f.Publications == SubscriptionFields.PublicationsChosen && f.Series.Count > 0)
            .WithMessage(SubscriptionFields.UnknownSeriesMessage);
        RuleFor(f => f.Frequency)
            .Must(f => Enum.TryParse<DeliveryFrequency>(f, out var value) && Enum.IsDefined(value) && !int.TryParse(f, out _))
            .WithMessage(SubscriptionFields.FrequencyMessage);
    }
}
