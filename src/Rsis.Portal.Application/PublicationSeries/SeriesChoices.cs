namespace Rsis.Portal.Application.PublicationSeries;

/// <summary>
/// A series offered in a staff picker, with its group's name: both groups have a "Policy Reports" and a
/// "Working Papers", so pickers show the series under their group. The code prefix ("CO") suggests new codes.
/// </summary>
public sealed record SeriesChoice(int Id, string Name, string? CodePrefix, string Group);

public static class SeriesChoices
{
    /// <summary>Every series, group by group, in the order the public site lists them.</summary>
    public static async Task<IReadOnlyList<SeriesChoice>> ToChoicesAsync(this IQueryable<Series> series, CancellationToken cancellationToken)
    {
        var rows = await series.AsNoTracking()
            .OrderBy(s => s.Group).ThenBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.CodePrefix, s.Group })
            .ToListAsync(cancellationToken);
        return rows.Select(s => new SeriesChoice(s.Id, s.Name, s.CodePrefix, SeriesKind.GroupName(s.Group))).ToList();
    }
}
