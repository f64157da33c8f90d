namespace Rsis.Portal.Application.Common.Editing;

/// <summary>A publication that uses an author, series or category, linked from its edit and delete pages.</summary>
public sealed record UsedBy(int PublicationId, string Code, string Title)
{
    /// <summary>How many the pages list; the count says how many there are in all.</summary>
    public const int Listed = 20;

    public string EditUrl => $"/admin/publications/{PublicationId}/edit";
}
