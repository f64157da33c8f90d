using Rsis.Portal.Application.Trash;

namespace Rsis.Portal.Application.Common.Editing;

/// <summary>Why an item still in use cannot be deleted, in words staff can act on.</summary>
public static class InUse
{
    /// <summary>How many publication codes a message names before "and N more".</summary>
    public const int CodesNamed = 5;

    /// <summary>
    /// "C. Raja Mohan is the author of 1 publication (CO13046); remove them from it first." —
    /// <paramref name="subject"/> is "C. Raja Mohan is the author of", <paramref name="remedy"/> "remove them from".
    /// </summary>
    public static string Message(string subject, IReadOnlyList<string> codes, string remedy)
    {
        var named = string.Join(", ", codes.Take(CodesNamed));
        if (codes.Count > CodesNamed)
        {
            named += string.Create(CultureInfo.InvariantCulture, $" and {codes.Count - CodesNamed:N0} more");
        }

        return codes.Count == 1
            ? $"{subject} 1 publication ({named}); {remedy} it first."
            : string.Create(CultureInfo.InvariantCulture, $"{subject} {codes.Count:N0} publications ({named}); {remedy} them first.");
    }

    /// <summary>
    /// The codes of <paramref name="publications"/>, the Trash included (what is there can come back, with its
    /// bylines and series), each in the Trash marked so, since staff will not find it in the list.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CodesAsync(IQueryable<Publication> publications, CancellationToken cancellationToken) =>
        await publications.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Code)
            .Select(p => p.DeletedAtUtc == null ? p.Code : p.Code + TrashMark)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// <see cref="Message"/>, and when some of the publications are in the Trash, what to do about those: they
    /// count until they are purged.
    /// </summary>
    public static string MessageWithTrash(string subject, IReadOnlyList<string> codes, string remedy)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var message = Message(subject, codes, remedy);
        return codes.Any(c => c.EndsWith(TrashMark, StringComparison.Ordinal))
            ? message + $" A publication in the Trash counts until it is purged, {TrashRules.KeptFor.Days} days after its deletion; restore it from the Trash to change it."
            : message;
    }

    private const string TrashMark = " in the Trash";

    /// <summary>"The menu entry “Getting to RSIS” opens this page; point it elsewhere or remove it under Menu first."</summary>
    public static string MenuMessage(IReadOnlyList<string> entryTitles, string what) =>
        entryTitles.Count == 1
            ? $"The menu entry “{entryTitles[0]}” opens {what}; point it elsewhere or remove it under Menu first."
            : $"The menu entries {string.Join(", ", entryTitles.Select(t => $"“{t}”"))} open {what}; point them elsewhere or remove them under Menu first.";

    /// <summary>Adds <see cref="MenuMessage"/> to <paramref name="context"/> when any of <paramref name="entries"/> exists.</summary>
    public static async Task RefuseIfMenuOpensAsync<T>(
        ValidationContext<T> context, IQueryable<MenuItem> entries, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var titles = await entries.AsNoTracking().OrderBy(m => m.Title).Select(m => m.Title).ToListAsync(cancellationToken);
        if (titles.Count > 0)
        {
            context.AddFailure("", MenuMessage(titles, what));
        }
    }
}
