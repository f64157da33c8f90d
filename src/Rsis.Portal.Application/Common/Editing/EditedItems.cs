namespace Rsis.Portal.Application.Common.Editing;

/// <summary>
/// What the edit screens share: the latest changes beside the form (from the audit log), and how slugs and
/// texts are cleaned and which item a command edits.
/// </summary>
public static class EditedItems
{
    public const int HistoryLength = 10;

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
