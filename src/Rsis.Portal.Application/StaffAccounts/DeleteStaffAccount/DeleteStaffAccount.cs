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
        await accounts.ChangeAsync<string?>(command.Id, null, async (account, ct) =>
        {
            await StaffAccountRules.RefuseTakingOutTheLastAdministratorAsync(accounts, account, "", ct);
            db.Audit(account.Id, account.Email, AuditAction.Deleted, you, time,
                ("Email", account.Email, null), ("Role", string.Join(", ", account.Roles), null));
            StaffAccountRules.Refuse("", await accounts.DeleteAsync(account.Id));
            return account.Email;
        }, cancellationToken);
}
