namespace Rsis.Portal.Application.Trash;

/// <summary>How long deleted publications and pages wait in the Trash before they are purged for good.</summary>
public static class TrashRules
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    /// <summary>Who the audit log names for a purge: no person, the passing of time.</summary>
    public const string Purger = "Trash (after 30 days)";
}
