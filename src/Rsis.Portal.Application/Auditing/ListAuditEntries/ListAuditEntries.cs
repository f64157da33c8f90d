namespace Rsis.Portal.Application.Auditing.ListAuditEntries;

/// <summary>The audit log for Administrators: every change staff made, newest first.</summary>
public sealed record ListAuditEntries(int? Page) : IQuery<AuditLog>
{
    public const int PageSize = 50;
}

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntries>
{
    public ListAuditEntriesValidator() => RuleFor(q => q.Page).GreaterThan(0).WithMessage("Choose a page from 1.");
}

public sealed record AuditLog(IReadOnlyList<AuditLogEntry> Entries, Paging Paging);

public sealed record AuditLogEntry(
    DateTime AtUtc, string ChangedBy, AuditAction Action, string EntityType, string EntityId, string Label, IReadOnlyList<AuditFieldChange> Changes)
{
    /// <summary>The kind of item, as staff call it.</summary>
    public string EntityName => AuditEntityNames.For(EntityType);
}

public sealed class ListAuditEntriesHandler(IPortalDbContext db) : IQueryHandler<ListAuditEntries, AuditLog>
{
    public async ValueTask<AuditLog> Handle(ListAuditEntries query, CancellationToken cancellationToken)
    {
        var paging = Paging.Clamp(query.Page, ListAuditEntries.PageSize, await db.AuditEntries.CountAsync(cancellationToken));
        var entries = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return new AuditLog(
            entries.Select(e => new AuditLogEntry(e.AtUtc, e.ChangedBy, e.Action, e.EntityType, e.EntityId, e.EntityLabel, e.Changes)).ToList(),
            paging);
    }
}
