namespace Rsis.Portal.Application.Redirects.DeleteRedirect;

/// <summary>Deletes a redirect; its old address then answers "not found". False when it was already gone.</summary>
public sealed record DeleteRedirect(int Id) : ICommand<bool>;

public sealed class DeleteRedirectHandler(IPortalDbContext db, TimeProvider time, ICurrentUser currentUser) : ICommandHandler<DeleteRedirect, bool>
{
    public async ValueTask<bool> Handle(DeleteRedirect command, CancellationToken cancellationToken)
    {
        var redirect = await db.Redirects.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
        if (redirect is null)
        {
            return false;
        }

        var changes = new ChangeList();
        changes.Value(RedirectAudit.OldPathField, redirect.OldPath, null);
        changes.Value(RedirectAudit.TargetField, redirect.Target, null);
        db.Redirects.Remove(redirect);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Redirect), redirect.Id.ToString(CultureInfo.InvariantCulture), redirect.OldPath,
            AuditAction.Deleted, currentUser.Name, time.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else deleted it in the same moment: it is gone either way.
            return false;
        }

        return true;
    }
}
