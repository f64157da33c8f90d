using System.Text.Json;

namespace Rsis.Portal.Application.Common.Editing;

/// <summary>How versions are stored: fields as JSON, a one-line summary.</summary>
public static class Revisions
{
    public const int MaxSummaryLength = 300;

    /// <summary>The version kept for an item saved before versions were: what it was just before that save.</summary>
    public const string FirstKeptSummary = "As it was before versions were kept";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static string Write<TFields>(TFields fields) => JsonSerializer.Serialize(fields, Json);

    public static TFields Read<TFields>(string snapshot) =>
        JsonSerializer.Deserialize<TFields>(snapshot, Json) ?? throw new InvalidOperationException("An empty version was stored.");

    /// <summary>"Title, Body changed", or "Restored version 3 (Title, Body)".</summary>
    public static string Summarise(ChangeList changes, int? restores)
    {
        var fields = string.Join(", ", changes.Changes.Select(c => c.Field));
        var summary = restores is { } number
            ? FormattableString.Invariant($"Restored version {number} ({fields})")
            : fields + " changed";
        return summary.Length <= MaxSummaryLength ? summary : summary[..(MaxSummaryLength - 1)] + "…";
    }
}
