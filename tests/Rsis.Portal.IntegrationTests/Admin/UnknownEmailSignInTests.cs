using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Infrastructure.Identity;
using Rsis.Portal.IntegrationTests.Infrastructure;
using Rsis.Portal.Web.Areas.Admin.Controllers;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>
/// Signing in with an email that has no account does the same work as with a wrong password for one that has: a
/// password hash is checked either way, so the answer's time does not tell which emails are staff. Shown without
/// timing anything: the portal's password hasher, wrapped to count its checks, is called as often for both.
/// </summary>
public sealed class UnknownEmailSignInTests(UnknownEmailSignInTests.WithCountingHasher portal) : IClassFixture<UnknownEmailSignInTests.WithCountingHasher>
{
    public sealed class WithCountingHasher : StaffPortal
    {
        private int _checks;

        public int Checks => Volatile.Read(ref _checks);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<StaffUser>>(provider =>
                new CountingHasher(new PasswordHasher<StaffUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()), this))));
        }

        private sealed class CountingHasher(IPasswordHasher<StaffUser> hasher, WithCountingHasher portal) : IPasswordHasher<StaffUser>
        {
            public string HashPassword(StaffUser user, string password) => hasher.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref portal._checks);
                return hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }

    [Fact]
    public async Task An_email_without_an_account_gets_the_same_password_check_and_answer_as_a_wrong_password()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);

        var before = portal.Checks;
        using var unknown = await portal.CreateVisitor().SignInAsync($"nobody-{Guid.NewGuid():N}@example.org", "a guessed password");
        var forUnknown = portal.Checks - before;
        before = portal.Checks;
        using var known = await portal.CreateVisitor().SignInAsync(staff.Email, "a guessed password");
        var forKnown = portal.Checks - before;

        Assert.Equal(1, forKnown);
        Assert.Equal(forKnown, forUnknown);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, known.StatusCode);
        Assert.Equal(
            (await known.ReadPageAsync()).QuerySelector("[data-error-summary]")!.TextContent.Squash(),
            (await unknown.ReadPageAsync()).QuerySelector("[data-error-summary]")!.TextContent.Squash());
        Assert.Contains(SignInController.WrongPassword, (await unknown.ReadPageAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
    }
}
