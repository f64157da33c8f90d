using FluentValidation.Results;
using Rsis.Portal.Application.Common.Security;

namespace Rsis.Portal.Application.StaffAccounts;

/// <summary>The rules and messages every change to a staff account shares.</summary>
public static class StaffAccountRules
{
    /// <summary>The audit log's name for staff accounts; the Users screen reads "last changed" from it.</summary>
    public const string EntityType = "StaffAccount";

    public const int MaxEmailLength = 256;

    public const string ChooseRole = "Choose Editor or Administrator.";

    public static bool IsStaffRole(string? role) => role is not null && StaffRoles.All.Contains(role);

    /// <summary>A refusal of one field (<c>""</c>: of the whole form), shown beside it as a validator's would be.</summary>
    public static void Refuse(string field, IEnumerable<string> messages)
    {
        var failures = messages.Select(m => new ValidationFailure(field, m)).ToList();
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    /// <summary>
    /// The last administrator who can sign in may not be demoted, locked or deleted by anyone: without one,
    /// nobody could manage accounts again except from the server's command line. Call it inside
    /// <see cref="IStaffAccounts.OneAtATimeAsync"/>, so that the count is the one the change will leave.
    /// </summary>
    public static async Task RefuseTakingOutTheLastAdministratorAsync(
        IStaffAccounts accounts, StaffAccountFacts account, string field, CancellationToken cancellationToken)
    {
        if (account.IsAdministrator && await accounts.IsTheOnlyAdministratorWhoCanSignInAsync(account.Id, cancellationToken))
        {
            Refuse(field, [$"{account.Email} is the only administrator who can sign in. The portal must keep one, or nobody could manage staff accounts: " +
                "make another account an Administrator (or unlock one) first."]);
        }
    }

    /// <summary>A rule that refuses an administrator's change to their own account, with why.</summary>
    public static void NotYourOwn<T>(this AbstractValidator<T> validator, ICurrentUser you, Func<T, string> id, string field, string message) =>
        validator.RuleFor(c => c).Custom((command, context) =>
        {
            if (id(command) == you.Id)
            {
                context.AddFailure(new ValidationFailure(field, message));
            }
        });

    /// <summary>
    /// One change to the account <paramref name="id"/>, one at a time with every other
    /// (<see cref="IStaffAccounts.OneAtATimeAsync"/>), given the account as it is now; <paramref name="notFound"/>
    /// when there is no such account.
    /// </summary>
    public static Task<T> ChangeAsync<T>(
        this IStaffAccounts accounts, string id, T notFound, Func<StaffAccountFacts, CancellationToken, Task<T>> change, CancellationToken cancellationToken) =>
        accounts.OneAtATimeAsync(async ct => await accounts.FindAsync(id, ct) is { } account ? await change(account, ct) : notFound, cancellationToken);

    /// <summary>The audit entry of a change to an account: its fields, old → new. Passwords are never among them.</summary>
    public static void Audit(
        this IPortalDbContext db, string id, string email, AuditAction action, ICurrentUser by, TimeProvider time,
        params (string Field, string? Old, string? New)[] fields)
    {
        var changes = new ChangeList();
        foreach (var (field, old, @new) in fields)
        {
            changes.Value(field, old, @new);
        }

        db.AuditEntries.Add(changes.ToEntry(EntityType, id, email, action, by.Name, time.GetUtcNow().UtcDateTime));
    }

    /// <summary>A lockout as the audit log words it.</summary>
    public static string DescribeLockout(DateTimeOffset? lockedUntil, DateTimeOffset now) =>
        lockedUntil is null || lockedUntil.Value <= now ? "no"
        : lockedUntil.Value.Year >= 9999 ? "until unlocked"
        : "until " + lockedUntil.Value.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
