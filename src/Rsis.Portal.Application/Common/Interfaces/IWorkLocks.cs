namespace Rsis.Portal.Application.Common.Interfaces;

/// <summary>
/// Work that must happen once even with several app nodes running — typesetting a publication's PDF, bringing
/// out what was scheduled, purging the Trash — holds a lock of its name while it runs: in Redis when the nodes
/// share one, otherwise in this process.
/// </summary>
public interface IWorkLocks
{
    /// <summary>The lock named <paramref name="name"/>, waited for up to <paramref name="wait"/>; null if another holder kept it that long.</summary>
    ValueTask<IAsyncDisposable?> TryTakeAsync(string name, TimeSpan wait, CancellationToken cancellationToken);
}
