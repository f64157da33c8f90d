namespace Rsis.Portal.Application.Common.Auditing;

public static class AuditedSave
{
    /// <summary>
    /// Saves a new item and then its audit entry, which needs the item's database id, in one transaction:
    /// either both are kept or neither. Run through the provider's execution strategy, which SQL Server's
    /// retry-on-failure requires around a transaction of its own.
    /// </summary>
    public static Task SaveNewAsync(IPortalDbContext db, Func<AuditEntry> auditEntry, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.AuditEntries.Add(auditEntry());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
}
