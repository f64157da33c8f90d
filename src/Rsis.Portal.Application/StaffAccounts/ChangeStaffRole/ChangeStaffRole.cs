using Rsis.Portal.Application.Common.Security;

namespace Rsis.Portal.Application.StaffAccounts.ChangeStaffRole;

/// <summary>Makes the account an Editor or an Administrator (only that role). False when there is no such account.</summary>
public sealed record ChangeStaffRole(string Id, string? Role) : ICommand<bool>;

public sealed class ChangeStaffRoleValidator : AbstractValidator<ChangeStaffRole>
{
    public ChangeStaffRoleValidator(ICurrentUser you)
    {
        RuleFor(c => c.Role).Must(StaffAccountRules.IsStaffRole).WithMessage(StaffAccountRules.ChooseRole);
        When(c => StaffAccountRules.IsStaffRole(c.Role) && c.Role != StaffRoles.Administrator, () =>
            this.NotYourOwn(you, c => c.Id, nameof(ChangeStaffRole.Role),
                "You cannot take away your own Administrator role. Another administrator can, so the portal always keeps someone who can manage staff accounts."));
    }
}

public sealed class ChangeStaffRoleHandler(IStaffAccounts accounts, IPortalDbContext db, ICurrentUser you, TimeProvider time)
    : ICommandHandler<ChangeStaffRole, bool>
{
    public async ValueTask<bool> Handle(ChangeStaffRole command, CancellationToken cancellationToken) =>
        await accounts.ChangeAsync(command.Id, false, async (account, ct) =>
        {
            if (account.Roles.SequenceEqual([command.Role!]))
            {
                return true;
            }

            if (command.Role != StaffRoles.Administrator)
            {
                await StaffAccountRules.RefuseTakingOutTheLastAdministratorAsync(accounts, account, nameof(command.Role), ct);
            }

            StaffAccountRules.Refuse(nameof(command.Role), await accounts.SetRoleAsync(account.Id, command.Role!));
            db.Audit(account.Id, account.Email, AuditAction.Updated, you, time, ("Role", string.Join(", ", account.Roles), command.Role));
            return true;
        }, cancellationToken);
}
