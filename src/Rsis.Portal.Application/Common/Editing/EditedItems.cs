using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Common.Text;
using Rsis.Portal.Domain.Auditing;

namespace Rsis.Portal.Application.Common.Editing;

/// <summary>
/// What the editors of authors, series, categories and pages share: their history, read from the audit log
/// (these items keep no "changed by" of their own), the conflict raised for a stale save, and their slugs.
/// </summary>
public static class EditedItems
{
    public const int HistoryLength = 10;

    public const string LostTokenMessage = "This form has lost track of which version it edits. Reload the page and make the change again.";

    /// <summary>The latest changes staff made to an item, newest first.</summary>
    public static async Task<IReadOnlyList<ItemHistoryEntry>> HistoryAsync(
        IPortalDbContext db, string entityType, int id, CancellationToken cancellationToken)
    {
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Take(HistoryLength)
            .ToListAsync(cancellationToken);
        return entries.Select(e => new ItemHistoryEntry(e.AtUtc, e.ChangedBy, e.Action, e.Changes)).ToList();
    }

    /// <summary>
    /// The refusal of a save made from a version someone else has since replaced, naming who saved last and when
    /// (from the audit log).
    /// </summary>
    public static async Task<ValidationException> ConflictAsync(
        IPortalDbContext db, string what, string entityType, int id, Guid currentToken, CancellationToken cancellationToken)
    {
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => new { e.ChangedBy, e.AtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return EditConflict.For(what, last?.ChangedBy, last?.AtUtc ?? DateTime.UtcNow, currentToken);
    }

    /// <summary>
    /// Saves an edit already checked against its token. Should someone else save the item in the moment between
    /// that check and this save, the refusal names them (as <see cref="ConflictAsync"/> does); should they have
    /// deleted it, it says so.
    /// </summary>
    public static async Task SaveEditAsync(
        IPortalDbContext db, string what, string entityType, int id, IQueryable<Guid> currentToken, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await currentToken.Select(token => (Guid?)token).SingleOrDefaultAsync(cancellationToken);
            throw current is { } token
                ? await ConflictAsync(db, what, entityType, id, token, cancellationToken)
                : EditConflict.Gone(what);
        }
    }

    /// <summary>The slug typed, made well-formed ("Raja Mohan" → "raja-mohan"), or else one made from the name.</summary>
    public static string SlugOrFrom(string? typedSlug, string? name) =>
        string.IsNullOrWhiteSpace(typedSlug) ? Slug.From(name?.Trim() ?? "") : Slug.From(typedSlug.Trim());

    /// <summary>
    /// The id of the item of <paramref name="entityType"/> that had <paramref name="slug"/> before a rename, from
    /// the audit log's record of its slug changes (the latest rename wins). No table of old addresses is needed.
    /// </summary>
    public static async Task<int?> FormerOwnerOfSlugAsync(
        IPortalDbContext db, string entityType, string slug, CancellationToken cancellationToken) =>
        await FormerOwnerAsync(db, entityType, SlugField, slug, cancellationToken);

    /// <summary>
    /// The id of the item of <paramref name="entityType"/> whose <paramref name="field"/> was
    /// <paramref name="oldValue"/> before an update, from the audit log (the latest update wins).
    /// </summary>
    public static async Task<int?> FormerOwnerAsync(
        IPortalDbContext db, string entityType, string field, string oldValue, CancellationToken cancellationToken)
    {
        var entityId = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.Action == AuditAction.Updated
                && e.Changes.Any(c => c.Field == field && c.OldValue == oldValue))
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => e.EntityId)
            .FirstOrDefaultAsync(cancellationToken);
        return int.TryParse(entityId, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>The name the audit log gives a slug change; <see cref="FormerOwnerOfSlugAsync"/> looks for it.</summary>
    public const string SlugField = "Slug";
}

public sealed record ItemHistoryEntry(DateTime AtUtc, string ChangedBy, AuditAction Action, IReadOnlyList<AuditFieldChange> Changes);
