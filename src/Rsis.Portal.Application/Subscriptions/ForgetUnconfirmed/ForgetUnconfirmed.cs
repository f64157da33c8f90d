namespace Rsis.Portal.Application.Subscriptions.ForgetUnconfirmed;

/// <summary>Deletes the addresses not confirmed within <see cref="SubscriptionRules.UnconfirmedKeptFor"/>; answers how many. Run by a background job.</summary>
public sealed record ForgetUnconfirmed : ICommand<int>;

public sealed class ForgetUnconfirmedHandler(IPortalDbContext db, TimeProvider clock) : ICommandHandler<ForgetUnconfirmed, int>
{
    public async ValueTask<int> Handle(ForgetUnconfirmed command, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - SubscriptionRules.UnconfirmedKeptFor;
        return await db.Subscribers.Where(s => s.ConfirmedAtUtc == null && s.CreatedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }
}
