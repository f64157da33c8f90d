using Mediator;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;

namespace Rsis.Portal.Application.StaffAccounts.UnlockStaffAccount;

/// <summary>Unlocks the account, whether an administrator or wrong passwords locked it. False when there is no such account.</summary>
public sealed record UnlockStaffAccount(string Id) : ICommand<bool>;

public sealed class UnlockStaffAccountHandler(IStaffAccounts accounts, IPortalDbContext db, ICurrentUser you, TimeProvider time)
    : ICommandHandler<UnlockStaffAccount, bool>
{
    public async ValueTask<bool> Handle(UnlockStaffAccount command, CancellationToken cancellationToken) =>
        await accounts.OneAtATimeAsync(async ct =>
        {
            if (await accounts.FindAsync(command.Id, ct) is not { } account)
            {
                return false;
            }

            StaffAccountRules.Refuse("", await accounts.UnlockAsync(account.Id));
            var changes = new ChangeList();
            changes.Value("Locked", StaffAccountRules.DescribeLockout(account.LockedOutUntil, time.GetUtcNow()), "no");
            db.Audit(changes, account.Id, account.Email, AuditAction.Updated, you, time);
            return true;
        }, cancellationToken);
}
