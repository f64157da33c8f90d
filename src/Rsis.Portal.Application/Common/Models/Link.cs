namespace Rsis.Portal.Application.Common.Models;

/// <summary>A titled link as the views show it.</summary>
public sealed record Link(string Title, string Url);
