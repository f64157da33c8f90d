namespace Rsis.Portal.Application.Common.Text;

/// <summary>SQL LIKE patterns from what staff type, with <c>\</c> as the escape character.</summary>
public static class LikePattern
{
    public const string Escape = "\\";

    /// <summary>"%…%" around the text, its own % and _ matched literally.</summary>
    public static string Containing(string text) =>
        "%" + text.Trim()
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
