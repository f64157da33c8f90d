using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Hosting;

/// <summary>
/// The antiforgery cookie over https is <c>Secure</c> and <c>__Host-</c>-prefixed, as the staff cookie is
/// <c>Secure</c>; over plain http (Development, these tests) it keeps a plain name so that forms still work.
/// </summary>
public sealed class AntiforgeryCookieTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    [Theory]
    [InlineData("/admin/login")]
    [InlineData("/feedback/token")]
    public async Task Over_https_the_antiforgery_cookie_is_secure_with_the_host_prefix(string address)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(address, UriKind.Relative), TestContext.Current.CancellationToken);
        var cookie = AntiforgeryCookie(response);

        Assert.StartsWith("__Host-rsis-antiforgery=", cookie, StringComparison.Ordinal);
        Assert.Equal(["httponly", "path=/", "samesite=strict", "secure"], Attributes(cookie));
    }

    [Fact]
    public async Task Over_https_staff_sign_in_with_the_prefixed_cookie_and_both_cookies_are_secure()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var signIn = await client.SignInAsync(staff.Email, staff.Password);
        var staffCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rsis-staff=", StringComparison.Ordinal));
        var dashboard = await client.GetPageAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("secure", Attributes(staffCookie));
        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Over_http_the_antiforgery_cookie_has_a_plain_name_and_forms_still_work()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var client = portal.CreateVisitor();

        using var login = await client.GetAsync(new Uri("/admin/login", UriKind.Relative), TestContext.Current.CancellationToken);
        var cookie = AntiforgeryCookie(login);
        using var signIn = await client.SignInAsync(staff.Email, staff.Password);

        Assert.StartsWith("rsis-antiforgery=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", Attributes(cookie));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("rsis-antiforgery=", StringComparison.Ordinal));

    /// <summary>The cookie's attributes after its value, lower case and sorted: <c>path=/</c>, <c>secure</c>…</summary>
    private static List<string> Attributes(string setCookie) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
}
