using FluentValidation;
using Mediator;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;

namespace Rsis.Portal.Application.StaffAccounts.DeleteStaffAccount;

/// <summary>Deletes the account, and with it its sessions. Answers the email it had; null when there is no such account.</summary>
public sealed record DeleteStaffAccount(string Id) : ICommand<string?>;

public sealed class DeleteStaffAccountValidator : AbstractValidator<DeleteStaffAccount>
{
    public DeleteStaffAccountValidator(ICurrentUser you) => this.NotYourOwn(you, c => c.Id, "", "You cannot delete your own account.");
}

public sealed class DeleteStaffAccountHandler(IStaffAccounts accounts, IPortalDbContext db, ICurrentUser you, TimeProvider time)
    : ICommandHandler<DeleteStaffAccount, string?>
{
    public async ValueTask<string?> Handle(DeleteStaffAccount command, CancellationToken cancellationToken) =>
        await accounts.OneAtATimeAsync(async ct =>
        {
            if (await accounts.FindAsync(command.Id, ct) is not { } account)
            {
                return null;
            }

            await StaffAccountRules.RefuseTakingOutTheLastAdministratorAsync(accounts, account, "", ct);
            var changes = new ChangeList();
            changes.Value("Email", account.Email, null);
            changes.Value("Role", string.Join(", ", account.Roles), null);
            db.Audit(changes, account.Id, account.Email, AuditAction.Deleted, you, time);
            StaffAccountRules.Refuse("", await accounts.DeleteAsync(account.Id));
            return account.Email;
        }, cancellationToken);
}
