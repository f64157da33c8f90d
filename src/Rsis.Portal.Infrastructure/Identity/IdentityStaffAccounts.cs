using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Application.StaffAccounts;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Infrastructure.Identity;

/// <summary>
/// Staff accounts kept by ASP.NET Core Identity, for the use cases in <c>Application/StaffAccounts</c>: the
/// steps only, their rules and audit entries are the use cases'. The signed-in member of staff's own account
/// (<see cref="ICurrentUser.Id"/>) goes through <see cref="SignInManager{TUser}"/>, as it is cookie work: a
/// wrong password counts toward the lockout, and a new password renews this session's cookie.
/// </summary>
internal sealed class IdentityStaffAccounts(
    SignInManager<StaffUser> signIn, PortalDbContext db, StaffSessionStore sessions, TimeProvider clock, ICurrentUser you)
    : IStaffAccounts
{
    private static readonly IReadOnlyList<string> Done = [];

    private UserManager<StaffUser> Users => signIn.UserManager;

    public async Task<IReadOnlyList<StaffAccountFacts>> ListAsync(CancellationToken cancellationToken) =>
        await FactsAsync(null, cancellationToken);

    public async Task<StaffAccountFacts?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await FactsAsync(id, cancellationToken)).SingleOrDefault();

    public async Task<bool> HasAccountAsync(string email, CancellationToken cancellationToken) =>
        await Users.FindByEmailAsync(email) is not null;

    /// <summary>
    /// Runs the change — its checks, Identity's saves (UserManager saves each step itself, on this same scoped
    /// context, so inside this transaction) and its audit entries — in one transaction that first writes the
    /// single <see cref="StaffAccountGuard"/> row. That write holds SQLite's write lock, or SQL Server's exclusive
    /// lock on the row, until commit, so changes to staff accounts run one at a time: when Alice and Bob demote,
    /// lock or delete each other at the same instant, the second waits for the first and then counts the
    /// administrators who can still sign in as they are after it, and is refused. A stricter isolation level
    /// instead would differ by provider (SQLite has only serializable; SQL Server's SERIALIZABLE takes range locks
    /// on the role and user rows and would answer this race with a deadlock error rather than a message), while a
    /// write to one known row serializes the same way on both. Run through the execution strategy, as SQL
    /// Server's retries require; each try starts from what the database holds.
    /// </summary>
    public Task<T> OneAtATimeAsync<T>(Func<CancellationToken, Task<T>> change, CancellationToken cancellationToken) =>
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

            var result = await change(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);

    public async Task<bool> IsTheOnlyAdministratorWhoCanSignInAsync(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var administratorRoleId = await db.Roles.Where(r => r.Name == StaffRoles.Administrator).Select(r => r.Id).SingleAsync(cancellationToken);
        var others = await db.UserRoles
            .Where(ur => ur.RoleId == administratorRoleId && ur.UserId != id)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (_, u) => u.LockoutEnd)
            .ToListAsync(cancellationToken);
        return !others.Any(lockedUntil => lockedUntil is null || lockedUntil.Value <= now);
    }

    public async Task<StaffAccountChange<GeneratedStaffPassword>> CreateAsync(string email, string role)
    {
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        var password = GeneratedPassword.New();
        var problems = await StepsAsync(() => Users.CreateAsync(user, password), () => Users.AddToRoleAsync(user, role));
        return new(problems.Count == 0 ? new GeneratedStaffPassword(user.Id, email, role, password) : null, problems);
    }

    public Task<IReadOnlyList<string>> SetRoleAsync(string id, string role) =>
        WithUserAsync(id, async user =>
        {
            var current = await Users.GetRolesAsync(user);
            return await StepsAsync(
                () => Users.RemoveFromRolesAsync(user, current.Where(r => r != role)),
                () => current.Contains(role) ? Task.FromResult(IdentityResult.Success) : Users.AddToRoleAsync(user, role));
        });

    /// <summary>The new security stamp ends the account's sessions at their next request.</summary>
    public Task<IReadOnlyList<string>> LockAsync(string id) =>
        WithUserAsync(id, user => StepsAsync(
            () => Users.SetLockoutEnabledAsync(user, true),
            () => Users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
            () => Users.UpdateSecurityStampAsync(user)));

    public Task<IReadOnlyList<string>> UnlockAsync(string id) =>
        WithUserAsync(id, user => StepsAsync(
            () => Users.SetLockoutEndDateAsync(user, null),
            () => Users.ResetAccessFailedCountAsync(user)));

    /// <summary>The reset gives the account a new security stamp, which ends its sessions.</summary>
    public async Task<StaffAccountChange<string>> ResetPasswordAsync(string id)
    {
        var password = GeneratedPassword.New();
        var problems = await WithUserAsync(id, async user =>
            await StepsAsync(async () => await Users.ResetPasswordAsync(user, await Users.GeneratePasswordResetTokenAsync(user), password)));
        return new(problems.Count == 0 ? password : null, problems);
    }

    public Task<IReadOnlyList<string>> DeleteAsync(string id) => WithUserAsync(id, user => StepsAsync(() => Users.DeleteAsync(user)));

    public async Task<PasswordCheck> CheckYourPasswordAsync(string password)
    {
        var user = await YouAsync();
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        var triesLeft = Users.Options.Lockout.MaxFailedAccessAttempts - await Users.GetAccessFailedCountAsync(user);
        return new PasswordCheck(check.Succeeded, check.IsLockedOut, triesLeft);
    }

    /// <summary>The new password gives the account a new security stamp, which ends its other sessions; this one is renewed with it.</summary>
    public async Task<IReadOnlyList<string>> ChangeYourPasswordAsync(string currentPassword, string newPassword)
    {
        var user = await YouAsync();
        var problems = await StepsAsync(() => Users.ChangePasswordAsync(user, currentPassword, newPassword));
        if (problems.Count == 0)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return problems;
    }

    public Task SignOutAsync() => signIn.SignOutAsync();

    public async Task SignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        await sessions.EndAllAsync(you.Id ?? throw new InvalidOperationException("Nobody is signed in."), cancellationToken);
        await signIn.SignOutAsync();
    }

    private async Task<StaffUser> YouAsync() =>
        await Users.FindByIdAsync(you.Id ?? throw new InvalidOperationException("Nobody is signed in."))
        ?? throw new InvalidOperationException("The signed-in account no longer exists.");

    /// <summary>The use cases found the account a moment ago in this transaction; it can only be gone if the migrations are not applied.</summary>
    private async Task<IReadOnlyList<string>> WithUserAsync(string id, Func<StaffUser, Task<IReadOnlyList<string>>> change) =>
        await change(await Users.FindByIdAsync(id) ?? throw new InvalidOperationException($"There is no staff account {id}."));

    /// <summary>Identity's steps in order, stopping at the first it refuses, with its reasons.</summary>
    private static async Task<IReadOnlyList<string>> StepsAsync(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return result.Errors.Select(e => e.Description).ToList();
            }
        }

        return Done;
    }

    private async Task<List<StaffAccountFacts>> FactsAsync(string? id, CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking()
            .Where(u => id == null || u.Id == id)
            .OrderBy(u => u.NormalizedEmail)
            .Select(u => new { u.Id, u.Email, u.UserName, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        if (accounts.Count == 0)
        {
            return [];
        }

        var roles = (await db.UserRoles.AsNoTracking()
                .Where(ur => id == null || ur.UserId == id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        var changes = (await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == StaffAccountRules.EntityType && (id == null || e.EntityId == id))
                .Select(e => new { e.EntityId, e.AtUtc, e.ChangedBy })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.EntityId)
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.AtUtc)!);
        return accounts
            .Select(u => new StaffAccountFacts(
                u.Id, u.Email ?? u.UserName ?? u.Id, roles[u.Id].Order(StringComparer.Ordinal).ToList(), u.LockoutEnd,
                changes.GetValueOrDefault(u.Id)?.AtUtc, changes.GetValueOrDefault(u.Id)?.ChangedBy))
            .ToList();
    }
}
