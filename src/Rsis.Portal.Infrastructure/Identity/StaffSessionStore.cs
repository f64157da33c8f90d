using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Infrastructure.Identity;

/// <summary>
/// Staff sessions kept server-side, one row each in the database: the staff cookie carries only the row's key.
/// <para>
/// Why a ticket store rather than the security stamp checked on every request: signing out has to end this one
/// session and leave the person's other devices signed in, while "Sign out everywhere" has to end them all. A
/// new security stamp can only do the second; a row per session does both with one DELETE, at once and on every
/// app node, because every node reads the same table. A cookie copied before signing out then names a row that is
/// gone, and opens nothing.
/// </para>
/// <para>
/// Each read also compares the session's security stamp with the account's, so whatever gives the account a new
/// stamp — changing or resetting the password, locking it — ends its other sessions at their next request, not
/// after the periodic stamp check; a deleted account's rows go with it (cascade).
/// </para>
/// A singleton (the cookie options hold it), so each call works in a scope and context of its own, never in the
/// request's, whose unsaved changes it must not save.
/// </summary>
public sealed class StaffSessionStore(IServiceScopeFactory scopes, TimeProvider time, IOptions<IdentityOptions> identity) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var session = ToRow(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)), ticket);
        await InDatabaseAsync(async db =>
        {
            // Sessions that ran out without a sign-out are cleared as new ones begin.
            var now = Now;
            await db.StaffSessions.Where(s => s.ExpiresAtUtc < now).ExecuteDeleteAsync(cancellationToken);
            db.StaffSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
        });
        return session.Id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    /// <summary>
    /// Replaces the session's ticket (sliding expiry, refreshed roles). Never brings back a session that has been
    /// ended meanwhile, and never hands a session to another account: signing in over someone else's session
    /// ends that session instead, so a planted cookie cannot become the victim's session.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var renewed = ToRow(key, ticket);
        await InDatabaseAsync(async db =>
        {
            var updated = await db.StaffSessions
                .Where(s => s.Id == key && s.UserId == renewed.UserId)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.Ticket, renewed.Ticket)
                    .SetProperty(s => s.SecurityStamp, renewed.SecurityStamp)
                    .SetProperty(s => s.ExpiresAtUtc, renewed.ExpiresAtUtc), cancellationToken);
            if (updated == 0)
            {
                await db.StaffSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
            }
        });
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    /// <summary>The session's ticket; null when it has ended, expired, or its account has a new security stamp or is gone.</summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var now = Now;
        var found = await InDatabaseAsync(db => db.StaffSessions.AsNoTracking()
            .Where(s => s.Id == key && (s.ExpiresAtUtc == null || s.ExpiresAtUtc > now))
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.Ticket, s.SecurityStamp, AccountStamp = u.SecurityStamp })
            .SingleOrDefaultAsync(cancellationToken));
        return found is null || found.SecurityStamp != found.AccountStamp ? null : TicketSerializer.Default.Deserialize(found.Ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    /// <summary>Signing out: this session ends, the account's others go on.</summary>
    public Task RemoveAsync(string key, CancellationToken cancellationToken) =>
        InDatabaseAsync(db => db.StaffSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken));

    /// <summary>"Sign out everywhere": every session of the account ends, on every device and app node.</summary>
    public Task EndAllAsync(string userId, CancellationToken cancellationToken) =>
        InDatabaseAsync(db => db.StaffSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken));

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private StaffSession ToRow(string key, AuthenticationTicket ticket)
    {
        var claims = identity.Value.ClaimsIdentity;
        return new StaffSession
        {
            Id = key,
            UserId = ticket.Principal.FindFirstValue(claims.UserIdClaimType)
                ?? throw new InvalidOperationException("A staff session needs the account's id among its claims."),
            SecurityStamp = ticket.Principal.FindFirstValue(claims.SecurityStampClaimType),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            ExpiresAtUtc = ticket.Properties.ExpiresUtc?.UtcDateTime,
        };
    }

    private async Task InDatabaseAsync(Func<PortalDbContext, Task> work) =>
        await InDatabaseAsync(async db =>
        {
            await work(db);
            return 0;
        });

    private async Task<T> InDatabaseAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
