namespace Rsis.Portal.Application.Navigation;

/// <summary>A visible menu entry with its resolved URL and its visible children.</summary>
public sealed record MenuNode(int Id, string Title, string Url, IReadOnlyList<MenuNode> Children);
