namespace Rsis.Portal.Application.Common.Behaviors;

/// <summary>After a command that changes public pages succeeds, evicts the cached pages that show what it changed.</summary>
public sealed class CacheEvictionBehavior<TMessage, TResponse>(IPublicPageCache cache) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IChangesPublicPages
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        foreach (var tag in message.CacheTags)
        {
            await cache.EvictAsync(tag, cancellationToken);
        }

        return response;
    }
}
