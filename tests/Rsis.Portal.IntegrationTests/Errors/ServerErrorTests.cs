using System.Net;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Errors;

/// <summary>Breaks its own database, so it has one of its own.</summary>
public sealed class ServerErrorTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_failure_on_the_server_gets_the_error_page_without_a_stack_trace()
    {
        var client = portal.CreateReader();
        await portal.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE SiteLinks", TestContext.Current.CancellationToken));

        using var response = await client.GetAsync(new Uri("/staff-profiles", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SiteLinks", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }
}
