using System.Globalization;
using System.Net.Mail;
using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Infrastructure.Identity;

/// <summary>A staff account as the Users screen lists it.</summary>
public sealed record StaffAccountFacts(
    string Id,
    string Email,
    IReadOnlyList<string> Roles,
    DateTimeOffset? LockedOutUntil,
    DateTime? LastChangedAtUtc,
    string? LastChangedBy)
{
    /// <summary>Locked by an administrator: until someone unlocks it, not for a while.</summary>
    public bool IsLockedUntilUnlocked => LockedOutUntil?.Year >= 9999;

    public bool IsLockedOut(DateTimeOffset now) => LockedOutUntil > now;

    /// <summary>The one role the screen offers: Administrator when the account has it, else Editor when it has that.</summary>
    public string? Role => Roles.Contains(StaffRoles.Administrator) ? StaffRoles.Administrator : Roles.Count > 0 ? Roles[0] : null;
}

/// <summary>A password the portal generated for an account: shown to the administrator once, kept nowhere.</summary>
public sealed record GeneratedStaffPassword(string Id, string Email, string Role, string Password);

/// <summary>
/// What Administrators do with staff accounts on the Users screen: create one with a generated password, change
/// its role, lock and unlock it, reset its password, delete it. Bad input and refused changes raise a
/// <see cref="ValidationException"/> naming the form field, as the use cases' validators do, so the form
/// comes back with the message. Every change is in the audit log; passwords never are.
/// </summary>
public sealed class StaffAccountAdministration(UserManager<StaffUser> users, PortalDbContext db, TimeProvider clock, ICurrentUser currentUser)
{
    public const string EntityType = "StaffAccount";

    public const int MaxEmailLength = 256;

    /// <summary>Every account, by email, with its roles, lockout and last change.</summary>
    public async Task<IReadOnlyList<StaffAccountFacts>> ListAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking()
            .OrderBy(u => u.NormalizedEmail)
            .Select(u => new { u.Id, u.Email, u.UserName, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var roles = await RolesAsync(null, cancellationToken);
        var changes = await LastChangesAsync(null, cancellationToken);
        return accounts
            .Select(u => new StaffAccountFacts(
                u.Id, u.Email ?? u.UserName ?? u.Id, roles[u.Id].Order(StringComparer.Ordinal).ToList(), u.LockoutEnd,
                changes.GetValueOrDefault(u.Id)?.AtUtc, changes.GetValueOrDefault(u.Id)?.ChangedBy))
            .ToList();
    }

    /// <summary>One account, or null when there is no such account.</summary>
    public async Task<StaffAccountFacts?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { u.Id, u.Email, u.UserName, u.LockoutEnd })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var roles = await RolesAsync(id, cancellationToken);
        var change = (await LastChangesAsync(id, cancellationToken)).GetValueOrDefault(id);
        return new StaffAccountFacts(
            account.Id, account.Email ?? account.UserName ?? account.Id, roles[id].Order(StringComparer.Ordinal).ToList(),
            account.LockoutEnd, change?.AtUtc, change?.ChangedBy);
    }

    /// <summary>
    /// Creates an account in <paramref name="role"/> with a generated password for the administrator to pass on
    /// (this site sends no email). A duplicate or malformed email is refused beside the Email field.
    /// </summary>
    public Task<GeneratedStaffPassword> CreateAsync(string? email, string? role, ClaimsPrincipal by, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            email = email?.Trim() ?? "";
            var failures = new List<ValidationFailure>();
            if (email.Length == 0)
            {
                failures.Add(new("Email", "Enter the email address of the new member of staff."));
            }
            else if (email.Length > MaxEmailLength)
            {
                failures.Add(new("Email", $"An email address can be at most {MaxEmailLength} characters."));
            }
            else if (!IsEmailAddress(email))
            {
                failures.Add(new("Email", "Enter an email address such as name@example.org."));
            }
            else if (await users.FindByEmailAsync(email) is not null)
            {
                failures.Add(new("Email", $"There is already an account for {email}. Find it in the list of staff to change it."));
            }

            if (!IsStaffRole(role))
            {
                failures.Add(new("Role", "Choose Editor or Administrator."));
            }

            Refuse(failures);
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
            var password = GeneratedPassword.New();
            Check(await users.CreateAsync(user, password), "Email");
            Check(await users.AddToRoleAsync(user, role!), "Role");
            var changes = new ChangeList();
            changes.Value("Email", null, email);
            changes.Value("Role", null, role);
            Audit(changes, user, AuditAction.Created);
            return new GeneratedStaffPassword(user.Id, email, role!, password);
        }, cancellationToken);

    /// <summary>Makes the account an Editor or an Administrator (only that role). False when there is no such account.</summary>
    public Task<bool> ChangeRoleAsync(string id, string? role, ClaimsPrincipal by, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            if (await users.FindByIdAsync(id) is not { } user)
            {
                return false;
            }

            Refuse(IsStaffRole(role) ? [] : [new("Role", "Choose Editor or Administrator.")]);
            var current = await users.GetRolesAsync(user);
            if (current.Count == 1 && current[0] == role)
            {
                return true;
            }

            if (current.Contains(StaffRoles.Administrator) && role != StaffRoles.Administrator)
            {
                await RefuseForAdministratorAsync(user, by, "Role",
                    "You cannot take away your own Administrator role. Another administrator can, so the portal always keeps someone who can manage staff accounts.",
                    cancellationToken);
            }

            Check(await users.RemoveFromRolesAsync(user, current.Where(r => r != role)), "Role");
            if (!current.Contains(role!))
            {
                Check(await users.AddToRoleAsync(user, role!), "Role");
            }

            var changes = new ChangeList();
            changes.Value("Role", string.Join(", ", current.Order(StringComparer.Ordinal)), role);
            Audit(changes, user, AuditAction.Updated);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Locks the account until someone unlocks it, and ends its sessions (a new security stamp): the person can
    /// neither sign in nor go on working. False when there is no such account.
    /// </summary>
    public Task<bool> LockAsync(string id, ClaimsPrincipal by, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            if (await users.FindByIdAsync(id) is not { } user)
            {
                return false;
            }

            await RefuseTakingOutAsync(user, by, "You cannot lock your own account.", cancellationToken);

            var before = await users.GetLockoutEndDateAsync(user);
            Check(await users.SetLockoutEnabledAsync(user, true), "");
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue), "");
            Check(await users.UpdateSecurityStampAsync(user), "");
            var changes = new ChangeList();
            changes.Value("Locked", Describe(before), "until unlocked");
            Audit(changes, user, AuditAction.Updated);
            return true;
        }, cancellationToken);

    /// <summary>Unlocks the account, whether an administrator or wrong passwords locked it. False when there is no such account.</summary>
    public Task<bool> UnlockAsync(string id, ClaimsPrincipal by, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            if (await users.FindByIdAsync(id) is not { } user)
            {
                return false;
            }

            var before = await users.GetLockoutEndDateAsync(user);
            Check(await users.SetLockoutEndDateAsync(user, null), "");
            Check(await users.ResetAccessFailedCountAsync(user), "");
            var changes = new ChangeList();
            changes.Value("Locked", Describe(before), "no");
            Audit(changes, user, AuditAction.Updated);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Gives the account a new generated password, shown once. The old one stops working and, with the new
    /// security stamp the reset brings, every session of the account ends. Null when there is no such account.
    /// </summary>
    public Task<GeneratedStaffPassword?> ResetPasswordAsync(string id, ClaimsPrincipal by, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            if (await users.FindByIdAsync(id) is not { } user)
            {
                return null;
            }

            RefuseSelf(user, by, "To change your own password, use Your account (your name at the top of the page): it asks for the current one.");
            var password = GeneratedPassword.New();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, password), "");
            var changes = new ChangeList();
            changes.Value("Password", null, "reset by an administrator (a new one was generated)");
            Audit(changes, user, AuditAction.Updated);
            var role = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).FirstOrDefault() ?? "";
            return (GeneratedStaffPassword?)new GeneratedStaffPassword(user.Id, user.Email ?? "", role, password);
        }, cancellationToken);

    /// <summary>Deletes the account, and with it its sessions. False when there is no such account.</summary>
    public Task<bool> DeleteAsync(string id, ClaimsPrincipal by, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            if (await users.FindByIdAsync(id) is not { } user)
            {
                return false;
            }

            await RefuseTakingOutAsync(user, by, "You cannot delete your own account.", cancellationToken);

            var roles = await users.GetRolesAsync(user);
            var changes = new ChangeList();
            changes.Value("Email", user.Email, null);
            changes.Value("Role", string.Join(", ", roles.Order(StringComparer.Ordinal)), null);
            Audit(changes, user, AuditAction.Deleted);
            Check(await users.DeleteAsync(user), "");
            return true;
        }, cancellationToken);

    /// <summary>Locking or deleting: nobody may do it to themselves, and an administrator only while another can sign in.</summary>
    private async Task RefuseTakingOutAsync(StaffUser user, ClaimsPrincipal by, string selfMessage, CancellationToken cancellationToken)
    {
        if (await users.IsInRoleAsync(user, StaffRoles.Administrator))
        {
            await RefuseForAdministratorAsync(user, by, "", selfMessage, cancellationToken);
        }
        else
        {
            RefuseSelf(user, by, selfMessage);
        }
    }

    /// <summary>
    /// An administrator may not take themselves out (<paramref name="selfMessage"/>), and the last administrator
    /// who can sign in may not be taken out by anyone: without one, nobody could manage accounts again except
    /// from the server's command line.
    /// </summary>
    private async Task RefuseForAdministratorAsync(StaffUser user, ClaimsPrincipal by, string field, string selfMessage, CancellationToken cancellationToken)
    {
        RefuseSelf(user, by, selfMessage, field);
        var now = clock.GetUtcNow().UtcDateTime;
        var administratorRoleId = await db.Roles.Where(r => r.Name == StaffRoles.Administrator).Select(r => r.Id).SingleAsync(cancellationToken);
        var others = await db.UserRoles
            .Where(ur => ur.RoleId == administratorRoleId && ur.UserId != user.Id)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (_, u) => u.LockoutEnd)
            .ToListAsync(cancellationToken);
        if (!others.Any(lockedUntil => lockedUntil is null || lockedUntil.Value.UtcDateTime <= now))
        {
            Refuse([new(field,
                $"{user.Email} is the only administrator who can sign in. The portal must keep one, or nobody could manage staff accounts: " +
                "make another account an Administrator (or unlock one) first.")]);
        }
    }

    private void RefuseSelf(StaffUser user, ClaimsPrincipal by, string message, string field = "")
    {
        if (user.Id == users.GetUserId(by))
        {
            Refuse([new(field, message)]);
        }
    }

    private static void Refuse(List<ValidationFailure> failures)
    {
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    /// <summary>Identity's own refusals (an email its user-name rules do not allow, say) as a message beside <paramref name="field"/>.</summary>
    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure(field, e.Description)));
        }
    }

    private void Audit(ChangeList changes, StaffUser user, AuditAction action) =>
        db.AuditEntries.Add(changes.ToEntry(EntityType, user.Id, user.Email ?? user.Id, action, currentUser.Name, clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// Runs one change to staff accounts — its checks, Identity's saves (UserManager saves each step itself, on this
    /// same scoped context, so inside this transaction) and its audit entry — in one transaction that first writes
    /// the single <see cref="StaffAccountGuard"/> row. That write holds SQLite's write lock, or SQL Server's
    /// exclusive lock on the row, until commit, so changes to staff accounts run one at a time: when Alice and Bob
    /// demote, lock or delete each other at the same instant, the second waits for the first and then counts the
    /// administrators who can still sign in as they are after it, and is refused. A stricter isolation level instead
    /// would differ by provider (SQLite has only serializable; SQL Server's SERIALIZABLE takes range locks on the
    /// role and user rows and would answer this race with a deadlock error rather than a message), while a write
    /// to one known row serializes the same way on both. Run through the execution strategy, as SQL Server's retries
    /// require; each try starts from what the database holds.
    /// </summary>
    private Task<T> GuardedAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var guarded = await db.StaffAccountGuard
                .Where(g => g.Id == StaffAccountGuard.TheRow)
                .ExecuteUpdateAsync(set => set.SetProperty(g => g.Changes, g => g.Changes + 1), ct);
            if (guarded != 1)
            {
                throw new InvalidOperationException("The StaffAccountGuard row is missing: the database's migrations have not all been applied.");
            }

            var result = await change();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);

    private async Task<ILookup<string, string>> RolesAsync(string? userId, CancellationToken cancellationToken) =>
        (await db.UserRoles.AsNoTracking()
            .Where(ur => userId == null || ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken))
        .ToLookup(x => x.UserId, x => x.Name ?? "");

    private async Task<Dictionary<string, LastChange>> LastChangesAsync(string? userId, CancellationToken cancellationToken) =>
        (await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == EntityType && (userId == null || e.EntityId == userId))
            .Select(e => new LastChange(e.EntityId, e.AtUtc, e.ChangedBy))
            .ToListAsync(cancellationToken))
        .GroupBy(c => c.EntityId)
        .ToDictionary(g => g.Key, g => g.MaxBy(c => c.AtUtc)!);

    private static bool IsStaffRole(string? role) => role is not null && StaffRoles.All.Contains(role);

    private static bool IsEmailAddress(string email) =>
        MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal);

    private string Describe(DateTimeOffset? lockedUntil) =>
        lockedUntil is null || lockedUntil.Value.UtcDateTime <= clock.GetUtcNow().UtcDateTime ? "no"
        : lockedUntil.Value.Year >= 9999 ? "until unlocked"
        : "until " + lockedUntil.Value.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private sealed record LastChange(string EntityId, DateTime AtUtc, string ChangedBy);
}
