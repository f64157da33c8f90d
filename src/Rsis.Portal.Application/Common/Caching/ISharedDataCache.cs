namespace Rsis.Portal.Application.Common.Caching;

/// <summary>
/// Data that many pages draw on — the header and footer, the menu, the series list — kept between requests
/// and loaded again once a save has evicted <c>tag</c>, the same tag that evicts the pages showing it.
/// What is kept must not be changed by whoever reads it.
/// </summary>
public interface ISharedDataCache
{
    ValueTask<T> GetOrLoadAsync<T>(string key, string tag, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class;
}

/// <summary>Keeps nothing: every call loads. For hosts without the web layer's cache (tools, benchmarks).</summary>
public sealed class NoSharedDataCache : ISharedDataCache
{
    public async ValueTask<T> GetOrLoadAsync<T>(string key, string tag, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        return await load(cancellationToken);
    }
}
