namespace Rsis.Portal.Infrastructure.Identity;

/// <summary>
/// One signed-in session of a member of staff. The staff cookie carries only <see cref="Id"/>; what the session
/// is (who, which roles, until when) stays in this row, so deleting the row ends the session at once on every
/// app node. See <see cref="StaffSessionStore"/>.
/// </summary>
public sealed class StaffSession
{
    public const int IdLength = 43;

    /// <summary>A random 256-bit key, base64url: the only thing the cookie holds (protected by Data Protection).</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The account's security stamp when the session began or was last renewed; a new stamp on the account ends it.</summary>
    public string? SecurityStamp { get; set; }

    /// <summary>The serialized authentication ticket: the account's claims and the session's times.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime? ExpiresAtUtc { get; set; }
}

/// <summary>
/// The single row that every change to staff accounts writes first, inside its transaction. Writing it takes the
/// database's write lock on that row until commit, so two administrators' changes run one after the other and
/// the second sees the first when it counts the administrators who can still sign in. See
/// <see cref="IdentityStaffAccounts.OneAtATimeAsync"/>.
/// </summary>
public sealed class StaffAccountGuard
{
    public const int TheRow = 1;

    public int Id { get; set; }

    /// <summary>How many changes have passed the guard; written only to take the lock.</summary>
    public long Changes { get; set; }
}
