using System.Net.Mail;
using Rsis.Portal.Application.Common.Security;

namespace Rsis.Portal.Application.StaffAccounts.CreateStaffAccount;

/// <summary>
/// A new staff account, as the form posts it: who, and in which role. It gets a generated password for the
/// administrator to pass on (this site sends no email), shown once.
/// </summary>
public sealed record CreateStaffAccount : ICommand<GeneratedStaffPassword>
{
    public string? Email { get; init; }
    public string? Role { get; init; } = StaffRoles.Editor;
}

public sealed class CreateStaffAccountValidator : AbstractValidator<CreateStaffAccount>
{
    public CreateStaffAccountValidator(IStaffAccounts accounts)
    {
        RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
            .Must(e => Trimmed(e).Length > 0).WithMessage("Enter the email address of the new member of staff.")
            .Must(e => Trimmed(e).Length <= StaffAccountRules.MaxEmailLength)
            .WithMessage($"An email address can be at most {StaffAccountRules.MaxEmailLength} characters.")
            .Must(e => IsEmailAddress(Trimmed(e))).WithMessage("Enter an email address such as name@example.org.")
            .MustAsync(async (e, ct) => !await accounts.HasAccountAsync(Trimmed(e), ct))
            .WithMessage(c => $"There is already an account for {Trimmed(c.Email)}. Find it in the list of staff to change it.");

        RuleFor(c => c.Role).Must(StaffAccountRules.IsStaffRole).WithMessage(StaffAccountRules.ChooseRole);
    }

    internal static string Trimmed(string? email) => email?.Trim() ?? "";

    private static bool IsEmailAddress(string email) =>
        MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal);
}

public sealed class CreateStaffAccountHandler(IStaffAccounts accounts, IPortalDbContext db, ICurrentUser you, TimeProvider time)
    : ICommandHandler<CreateStaffAccount, GeneratedStaffPassword>
{
    public async ValueTask<GeneratedStaffPassword> Handle(CreateStaffAccount command, CancellationToken cancellationToken) =>
        await accounts.OneAtATimeAsync(async _ =>
        {
            var email = CreateStaffAccountValidator.Trimmed(command.Email);
            var created = await accounts.CreateAsync(email, command.Role!);
            StaffAccountRules.Refuse(nameof(command.Email), created.Problems);
            db.Audit(created.Made!.Id, email, AuditAction.Created, you, time, ("Email", null, email), ("Role", null, command.Role));
            return created.Made;
        }, cancellationToken);
}
