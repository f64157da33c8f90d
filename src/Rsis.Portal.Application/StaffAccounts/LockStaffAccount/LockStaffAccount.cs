using FluentValidation;
using Mediator;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;

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
        await accounts.OneAtATimeAsync(async ct =>
        {
            if (await accounts.FindAsync(command.Id, ct) is not { } account)
            {
                return false;
            }

            await StaffAccountRules.RefuseTakingOutTheLastAdministratorAsync(accounts, account, "", ct);
            StaffAccountRules.Refuse("", await accounts.LockAsync(account.Id));
            var changes = new ChangeList();
            changes.Value("Locked", StaffAccountRules.DescribeLockout(account.LockedOutUntil, time.GetUtcNow()), "until unlocked");
            db.Audit(changes, account.Id, account.Email, AuditAction.Updated, you, time);
            return true;
        }, cancellationToken);
}
