namespace Rsis.Portal.Web.Models;

/// <summary>The series list beside publication pages, as on the source page.</summary>
public sealed record SeriesSidebarModel(string Heading, IReadOnlyList<Link> Series, string? CurrentUrl);
