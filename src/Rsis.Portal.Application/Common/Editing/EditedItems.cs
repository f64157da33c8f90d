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

    /// <summary>The item an update command edits, left out of its uniqueness checks; 0 for a create command.</summary>
    public static int IdOf(object command) => command is IUpdates update ? update.Id : 0;

    /// <summary>
    /// Markdown as stored: browsers send CRLF, stored text uses LF so that versions, diffs and summaries compare
    /// like with like.
    /// </summary>
    public static string CleanText(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>The slug typed, made well-formed ("Raja Mohan" → "raja-mohan"), or else one made from the name.</summary>
    public static string SlugOrFrom(string? typedSlug, string? name) =>
        string.IsNullOrWhiteSpace(typedSlug) ? Slug.From(name?.Trim() ?? "") : Slug.From(typedSlug.Trim());

    /// <summary>The name the audit log gives a slug change; a change of it moves the item's address (see
    /// <see cref="Redirects.MovedAddresses"/>).</summary>
    public const string SlugField = "Slug";
}

public sealed record ItemHistoryEntry(DateTime AtUtc, string ChangedBy, AuditAction Action, IReadOnlyList<AuditFieldChange> Changes);
