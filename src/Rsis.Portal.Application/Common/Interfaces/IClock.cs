namespace Rsis.Portal.Application.Common.Interfaces;

/// <summary>UTC "now", injectable so scheduled publishing can be tested without waiting.</summary>
public interface IClock
{
    DateTime UtcNow { get; }
}
