using Microsoft.Extensions.Options;
using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Application.Subscriptions.Subscribe;

/// <summary>
/// "Send me email": the same answer whatever the address's state, so the form tells nobody who is subscribed. A new
/// address is kept unconfirmed and sent a confirmation link; an unconfirmed one takes the new choice and is sent the
/// link again; a confirmed one keeps its lists (only its owner changes them, through a mailed link) and is sent
/// "you are already subscribed". At most one such mail per address per <see cref="SubscriptionOptions.PerAddressInterval"/>.
/// </summary>
public sealed record Subscribe : SubscriptionFields, ICommand
{
    public string? Email { get; init; }
}

public sealed class SubscribeValidator : SubscriptionFieldsValidator<Subscribe>
{
    public const string EmailMessage = "Enter an email address, such as name@example.com.";

    public SubscribeValidator(IPortalDbContext db) : base(db) =>
        RuleFor(s => s.Email).Cascade(CascadeMode.Stop)
            .Must(e => e is null || e.Trim().Length <= Subscriber.MaxEmailLength)
            .WithMessage(s => $"An email address has at most {Subscriber.MaxEmailLength} characters; this one has {s.Email!.Trim().Length}.")
            .Must(e => SubscriberAddress.Normalize(e) is not null).WithMessage(EmailMessage);
}

public sealed class SubscribeHandler(IPortalDbContext db, TimeProvider clock, IOptions<SubscriptionOptions> options) : ICommandHandler<Subscribe>
{
    public async ValueTask<Unit> Handle(Subscribe command, CancellationToken cancellationToken)
    {
        var email = SubscriberAddress.Normalize(command.Email)!;
        var now = clock.GetUtcNow().UtcDateTime;
        var subscriber = await db.Subscribers.Include(s => s.Series).SingleOrDefaultAsync(s => s.Email == email, cancellationToken);
        if (subscriber is null)
        {
            subscriber = new Subscriber { Email = email, CreatedAtUtc = now };
            db.Subscribers.Add(subscriber);
        }
        else if (subscriber.LastRequestAtUtc > now - options.Value.PerAddressInterval)
        {
            // Asked a moment ago: the mail is on its way, and another would only fill the inbox.
            return Unit.Value;
        }

        if (!subscriber.IsConfirmed)
        {
            command.WriteTo(subscriber, subscriber.Series.Select(s => s.SeriesId).ToList());
        }

        subscriber.LastRequestAtUtc = now;
        subscriber.Requests++;
        var outbox = new OutboxMessage
        {
            Kind = subscriber.IsConfirmed ? OutboxKind.AlreadySubscribed : OutboxKind.Confirmation,
            ItemType = OutboxItems.Request,
            ItemId = subscriber.Requests,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        };
        // A new subscriber's id comes with the first save; the mail is saved with it or not at all.
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            outbox.SubscriberId = subscriber.Id;
            db.OutboxMessages.Add(outbox);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        }
        catch (DbUpdateException) when (subscriber.Id == 0 || db.Subscribers.Entry(subscriber).State == EntityState.Added)
        {
            // The same new address sent twice at once (the unique index refused the second): the other request
            // made the subscriber and sends its mail; the answer is the same.
        }

        return Unit.Value;
    }
}
