namespace Rsis.Portal.Application.StaffAccounts.ResetStaffPassword;

/// <summary>
/// Gives the account a new generated password, shown once. The old one stops working and every session of the
/// account ends. Null when there is no such account.
/// </summary>
public sealed record ResetStaffPassword(string Id) : ICommand<GeneratedStaffPassword?>;

public sealed class ResetStaffPasswordValidator : AbstractValidator<ResetStaffPassword>
{
    public ResetStaffPasswordValidator(ICurrentUser you) => this.NotYourOwn(you, c => c.Id, "",
        "To change your own password, use Your account (your name at the top of the page): it asks for the current one.");
}

public sealed class ResetStaffPasswordHandler(IStaffAccounts accounts, IPortalDbContext db, ICurrentUser you, TimeProvider time)
    : ICommandHandler<ResetStaffPassword, GeneratedStaffPassword?>
{
    public async ValueTask<GeneratedStaffPassword?> Handle(ResetStaffPassword command, CancellationToken cancellationToken) =>
        await accounts.ChangeAsync<GeneratedStaffPassword?>(command.Id, null, async (account, _) =>
        {
            var reset = await accounts.ResetPasswordAsync(account.Id);
            StaffAccountRules.Refuse("", reset.Problems);
            db.Audit(account.Id, account.Email, AuditAction.Updated, you, time,
                ("Password", null, "reset by an administrator (a new one was generated)"));
            return new GeneratedStaffPassword(account.Id, account.Email, account.Roles.Count > 0 ? account.Roles[0] : "", reset.Made!);
        }, cancellationToken);
}
