using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>
/// A lockout after five wrong passwords ends by itself after fifteen minutes. The portal's clock is a fake one the
/// test moves forward, so nothing waits for real time to pass.
/// </summary>
public sealed class LockoutClockTests(LockoutClockTests.WithFakeClock portal) : IClassFixture<LockoutClockTests.WithFakeClock>
{
    public sealed class WithFakeClock : StaffPortal
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        }
    }

    [Fact]
    public async Task A_lockout_ends_by_itself_fifteen_minutes_after_the_fifth_wrong_password()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var client = portal.CreateVisitor();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await client.SignInAsync(staff.Email, "wrong guess " + attempt)).Dispose();
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(14));
        using var fourteenMinutesLater = await client.SignInAsync(staff.Email, staff.Password);
        portal.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var fifteenMinutesLater = await client.SignInAsync(staff.Email, staff.Password);

        Assert.Equal(HttpStatusCode.BadRequest, fourteenMinutesLater.StatusCode);
        Assert.Contains("This account is locked", (await fourteenMinutesLater.ReadPageAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, fifteenMinutesLater.StatusCode);
        Assert.Equal("Dashboard", (await client.GetPageAsync("/admin")).QuerySelector("h1")!.TextContent.Trim());
    }
}
