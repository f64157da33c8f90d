namespace Rsis.Portal.Application.Redirects;

/// <summary>
/// Keeps the <see cref="Redirect"/> table right when an address moves: the old address answers with one 301 to
/// the new one, redirects that pointed at the old address now point at the new one (A→B then B→C answers A with
/// one 301 to C), and an address that is live again stops redirecting. Called by each save that changes an
/// item's public address, before that save, so the redirect is stored with the change or not at all.
/// </summary>
public static class MovedAddresses
{
    /// <summary>
    /// Records the move an item's save made, read from its <paramref name="changes"/>: the <paramref name="field"/>
    /// whose old and new values <paramref name="address"/> turns into paths. Nothing when that field did not change.
    /// </summary>
    public static Task RecordAsync(
        IPortalDbContext db, ChangeList changes, string field, Func<string, string> address, DateTime utcNow,
        CancellationToken cancellationToken)
    {
        var change = changes.Changes.FirstOrDefault(c => c.Field == field);
        return change is { OldValue: { Length: > 0 } from, NewValue: { Length: > 0 } to }
            ? RecordAsync(db, address(from), address(to), utcNow, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Records that what lived at <paramref name="oldPath"/> now lives at <paramref name="target"/>.</summary>
    public static async Task RecordAsync(
        IPortalDbContext db, string oldPath, string target, DateTime utcNow, CancellationToken cancellationToken)
    {
        await ReclaimAsync(db, target, cancellationToken);
        if (oldPath == target)
        {
            return;
        }

        // Whatever led to the old address now leads straight to the new one; one that would lead to itself goes.
        var leadingHere = await db.Redirects.Where(r => r.Target == oldPath).ToListAsync(cancellationToken);
        foreach (var redirect in leadingHere)
        {
            if (redirect.OldPath == target)
            {
                db.Redirects.Remove(redirect);
            }
            else
            {
                redirect.Target = target;
            }
        }

        var existing = await db.Redirects.SingleOrDefaultAsync(r => r.OldPath == oldPath, cancellationToken);
        if (existing is null)
        {
            db.Redirects.Add(new Redirect { OldPath = oldPath, Target = target, CreatedAtUtc = utcNow });
        }
        else
        {
            existing.Target = target;
        }
    }

    /// <summary>An address that an item takes (again) stops redirecting: the item answers there now.</summary>
    public static async Task ReclaimAsync(IPortalDbContext db, string livePath, CancellationToken cancellationToken)
    {
        var reclaimed = await db.Redirects.Where(r => r.OldPath == livePath).ToListAsync(cancellationToken);
        db.Redirects.RemoveRange(reclaimed);
    }
}
