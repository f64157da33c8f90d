using Rsis.Portal.Application.Common.Interfaces;

namespace Rsis.Portal.Infrastructure.Time;

internal sealed class SystemClock(TimeProvider timeProvider) : IClock
{
    public DateTime UtcNow => timeProvider.GetUtcNow().UtcDateTime;
}
