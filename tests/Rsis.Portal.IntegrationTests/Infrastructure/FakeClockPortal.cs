using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal on a fake clock that stands still until a test moves it: 1 December 2026, 09:30:20 UTC, twenty
/// seconds into a minute, so windows counted on the clock end at a known moment.
/// </summary>
public class FakeClockPortal : PortalFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 30, 20, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
