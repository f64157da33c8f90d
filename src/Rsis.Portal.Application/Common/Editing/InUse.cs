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
    /// The publications of <paramref name="publications"/> by code, the Trash included: what is there can come back,
    /// with its bylines and series.
    /// </summary>
    public static async Task<PublicationsInUse> PublicationsAsync(IQueryable<Publication> publications, CancellationToken cancellationToken)
    {
        var found = await publications.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new { p.Code, InTrash = p.DeletedAtUtc != null })
            .ToListAsync(cancellationToken);
        return new PublicationsInUse(found.Select(p => p.InTrash ? p.Code + " in the Trash" : p.Code).ToList(), found.Exists(p => p.InTrash));
    }

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

/// <summary>The publications using an item, each in the Trash marked so, since staff will not find it in the list.</summary>
public sealed record PublicationsInUse(IReadOnlyList<string> Codes, bool AnyInTrash)
{
    public bool Any => Codes.Count > 0;

    /// <summary><see cref="InUse.Message"/>, and for publications in the Trash, what to do about them: they count until purged.</summary>
    public string Message(string subject, string remedy) =>
        InUse.Message(subject, Codes, remedy) + (AnyInTrash
            ? $" A publication in the Trash counts until it is purged, {TrashRules.KeptFor.Days} days after its deletion; restore it from the Trash to change it."
            : "");
}
