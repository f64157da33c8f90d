using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rsis.Portal.Infrastructure.Identity;

/// <summary>
/// Identity's user manager on the portal's clock. Identity reads the wall clock itself when it locks an account
/// and when it asks whether one is locked; the portal's one clock is <see cref="TimeProvider"/>, so lockouts, the
/// last-administrator rule and scheduled publishing agree about "now", and a test can move it forward to see a
/// lockout end by itself. The rule is Identity's own: <see cref="IdentityOptions.Lockout"/> wrong passwords in a
/// row lock the account for the lockout time, and the count starts again.
/// </summary>
public sealed class StaffUserManager(
    IUserStore<StaffUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<StaffUser> passwordHasher,
    IEnumerable<IUserValidator<StaffUser>> userValidators,
    IEnumerable<IPasswordValidator<StaffUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<StaffUser>> logger,
    TimeProvider time)
    : UserManager<StaffUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<StaffUser> LockoutStore =>
        Store as IUserLockoutStore<StaffUser> ?? throw new NotSupportedException("The staff account store keeps no lockouts.");

    public override async Task<bool> IsLockedOutAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        if (!await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken))
        {
            return false;
        }

        return await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken) >= time.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        var failures = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (failures >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await LockoutStore.SetLockoutEndDateAsync(user, time.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }
}
