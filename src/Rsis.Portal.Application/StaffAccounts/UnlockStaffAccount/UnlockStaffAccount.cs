namespace Rsis.Portal.Application.StaffAccounts.UnlockStaffAccount;

/// <summary>Unlocks the account, whether an administrator or wrong passwords locked it. False when there is no such account.</summary>
public sealed record UnlockStaffAccount(string Id) : ICommand<bool>;

public sealed class UnlockStaffAccountHandler(IStaffAccounts accounts, IPortalDbContext db, ICurrentUser you, TimeProvider time)
    : ICommandHandler<UnlockStaffAccount, bool>
{
    public async ValueTask<bool> Handle(UnlockStaffAccount command, CancellationToken cancellationToken) =>
        await accounts.ChangeAsync(command.Id, false, async (account, _) =>
        {
            StaffAccountRules.Refuse("", await accounts.UnlockAsync(account.Id));
            db.Audit(account.Id, account.Email, AuditAction.Updated, you, time,
                ("Locked", StaffAccountRules.DescribeLockout(account.LockedOutUntil, time.GetUtcNow()), "no"));
            return true;
        }, cancellationToken);
}
