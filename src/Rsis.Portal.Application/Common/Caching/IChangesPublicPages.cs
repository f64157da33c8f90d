namespace Rsis.Portal.Application.Common.Caching;

/// <summary>
/// A command whose success changes what public pages show. <see cref="Behaviors.CacheEvictionBehavior{TMessage, TResponse}"/>
/// evicts its tags from the output cache once it has succeeded, so readers see the change at once.
/// </summary>
public interface IChangesPublicPages
{
    IReadOnlyList<string> CacheTags { get; }
}
