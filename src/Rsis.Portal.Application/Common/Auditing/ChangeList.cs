namespace Rsis.Portal.Application.Common.Auditing;

/// <summary>
/// Collects which fields of an item a save changes, old → new, for its <see cref="AuditEntry"/>. Short values
/// are kept (shortened past <see cref="AuditEntry.MaxValueLength"/>); long texts are summarised instead.
/// </summary>
public sealed class ChangeList
{
    private readonly List<AuditFieldChange> _changes = [];

    public IReadOnlyList<AuditFieldChange> Changes => _changes;

    public bool IsEmpty => _changes.Count == 0;

    public void Value(string field, string? oldValue, string? newValue)
    {
        if (!string.Equals(oldValue ?? "", newValue ?? "", StringComparison.Ordinal))
        {
            _changes.Add(new AuditFieldChange { Field = field, OldValue = Shorten(oldValue), NewValue = Shorten(newValue) });
        }
    }

    /// <summary>A long text, such as a body: "2 paragraphs changed, 1 added (4,210 → 4,388 characters)".</summary>
    public void Text(string field, string? oldText, string? newText)
    {
        if (!string.Equals(oldText ?? "", newText ?? "", StringComparison.Ordinal))
        {
            _changes.Add(new AuditFieldChange { Field = field, NewValue = Summarise(oldText ?? "", newText ?? "") });
        }
    }

    public AuditEntry ToEntry(string entityType, string entityId, string label, AuditAction action, string changedBy, DateTime atUtc)
    {
        var entry = new AuditEntry
        {
            EntityType = entityType,
            EntityId = entityId,
            EntityLabel = Shorten(label, 200) ?? "",
            Action = action,
            ChangedBy = changedBy,
            AtUtc = atUtc,
        };
        entry.Changes.AddRange(_changes);
        return entry;
    }

    internal static string Summarise(string oldText, string newText)
    {
        var before = Paragraphs(oldText);
        var after = Paragraphs(newText);
        var removed = Minus(before, after);
        var added = Minus(after, before);
        // A paragraph edited in place shows as one removed and one added: call that "changed".
        var changed = Math.Min(removed, added);
        var parts = new List<string>();
        if (changed > 0)
        {
            parts.Add(Count(changed, "paragraph") + " changed");
        }

        if (added - changed > 0)
        {
            parts.Add(Count(added - changed, "paragraph") + " added");
        }

        if (removed - changed > 0)
        {
            parts.Add(Count(removed - changed, "paragraph") + " removed");
        }

        if (parts.Count == 0)
        {
            parts.Add("layout changed");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(", ", parts)} ({oldText.Length:N0} → {newText.Length:N0} characters)");
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static List<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();

    /// <summary>How many of <paramref name="from"/>'s paragraphs are not in <paramref name="other"/> (as multisets).</summary>
    private static int Minus(List<string> from, List<string> other)
    {
        var remaining = other.GroupBy(p => p, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var count = 0;
        foreach (var paragraph in from)
        {
            if (remaining.TryGetValue(paragraph, out var left) && left > 0)
            {
                remaining[paragraph] = left - 1;
            }
            else
            {
                count++;
            }
        }

        return count;
    }

    private static string? Shorten(string? value, int max = AuditEntry.MaxValueLength) =>
        value is null || value.Length <= max ? value : value[..(max - 1)] + "…";
}
