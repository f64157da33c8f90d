namespace Rsis.Portal.Application.StaffAccounts.LockStaffAccount;

/// <summary>
/// Locks the account until someone unlocks it, and ends its sessions: the person can neither sign in nor go on
/// working. False when there is no such account.
/// </summary>
public sealed record LockStaffAccount(string Id) : ICommand<bool>;

public sealed class LockStaffAccountValidator : AbstractValidator<LockStaffAccount>
{
    public LockStaffAccountValidator(ICurrentUser you) => this.NotYourOwn(you, c => c.Id, "", "You cannot lock your own account.");
}

public sealed class LockStaffAccountHandler(IStaffAccounts accounts, IPortalDbContext db, ICurrentUser you, TimeProvider time)
    : ICommandHandler<LockStaffAccount, bool>
{
    public async ValueTask<bool> Handle(LockStaffAccount command, CancellationToken cancellationToken) =>
        await accounts.ChangeAsync(command.Id, false, async (account, ct) =>
        {
            await StaffAccountRules.RefuseTakingOutTheLastAdministratorAsync(accounts, account, "", ct);
            StaffAccountRules.Refuse("", await accounts.LockAsync(account.Id));
            db.Audit(account.Id, account.Email, AuditAction.Updated, you, time,
                ("Locked", StaffAccountRules.DescribeLockout(account.LockedOutUntil, time.GetUtcNow()), "until unlocked"));
            return true;
        }, cancellationToken);
}
