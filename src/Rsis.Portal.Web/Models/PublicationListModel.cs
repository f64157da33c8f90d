namespace Rsis.Portal.Web.Models;

/// <summary>A list of publications; each title is a heading one level below the section it sits in.</summary>
public sealed record PublicationListModel(IReadOnlyList<PublicationSummary> Items, int HeadingLevel = 2);
