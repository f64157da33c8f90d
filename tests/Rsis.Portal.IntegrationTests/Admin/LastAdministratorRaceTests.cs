using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Infrastructure.Identity;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>
/// The only two administrators, Alice and Bob, each take the other out at the same instant: two real requests
/// released together, many times over. Whatever the interleaving, one of them must still be an administrator
/// who can sign in. Sessions re-read accounts only hourly here, so the loser's session still says Administrator
/// and only the serialized check can stop it.
/// </summary>
public sealed class LastAdministratorRaceTests(SlowSessionCheckPortal portal) : IClassFixture<SlowSessionCheckPortal>
{
    private const int Rounds = 20;

    [Theory]
    [InlineData("role")]
    [InlineData("lock")]
    [InlineData("delete")]
    public async Task Two_administrators_taking_each_other_out_at_once_leave_one_who_can_sign_in(string action)
    {
        for (var round = 1; round <= Rounds; round++)
        {
            await OnlyAccountsFromNowAsync();
            var (alice, aliceStaff) = await portal.SignedInAsync(StaffRoles.Administrator);
            var (bob, bobStaff) = await portal.SignedInAsync(StaffRoles.Administrator);
            var aliceId = await portal.AccountIdAsync(aliceStaff.Email);
            var bobId = await portal.AccountIdAsync(bobStaff.Email);
            var bobsPage = FormFields.Of(await alice.GetPageAsync($"/admin/users/{bobId}"), "#role-form").Set("Role", StaffRoles.Editor);
            var alicesPage = FormFields.Of(await bob.GetPageAsync($"/admin/users/{aliceId}"), "#role-form").Set("Role", StaffRoles.Editor);

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var byAlice = SendWhenReleased(go.Task, alice, $"/admin/users/{bobId}/{action}", bobsPage);
            var byBob = SendWhenReleased(go.Task, bob, $"/admin/users/{aliceId}/{action}", alicesPage);
            go.SetResult();
            var answers = await Task.WhenAll(byAlice, byBob);

            var done = answers.Count(a => a.StatusCode == HttpStatusCode.Redirect && !a.Location().Contains("/admin/login", StringComparison.Ordinal));
            var signsIn = new List<string>();
            foreach (var staff in new[] { aliceStaff, bobStaff })
            {
                var client = portal.CreateVisitor();
                using var signIn = await client.SignInAsync(staff.Email, staff.Password);
                using var users = await client.GetAsync(new Uri("/admin/users", UriKind.Relative), TestContext.Current.CancellationToken);
                if (signIn.StatusCode == HttpStatusCode.Redirect && users.StatusCode == HttpStatusCode.OK)
                {
                    signsIn.Add(staff.Email);
                }
            }

            var statuses = string.Join(", ", answers.Select(a => $"{(int)a.StatusCode} {a.Location()}"));
            foreach (var answer in answers)
            {
                answer.Dispose();
            }

            Assert.True(done <= 1, $"Round {round}: both {action} requests went through ({statuses}).");
            Assert.True(signsIn.Count >= 1, $"Round {round}: no administrator can sign in after the {action} race ({statuses}).");
        }
    }

    /// <summary>Removes every account, so that the two made next are the only administrators.</summary>
    private async Task OnlyAccountsFromNowAsync() =>
        await portal.WithServiceAsync<UserManager<StaffUser>, int>(async users =>
        {
            foreach (var user in await users.Users.ToListAsync(TestContext.Current.CancellationToken))
            {
                Assert.True((await users.DeleteAsync(user)).Succeeded);
            }

            return 0;
        });

    private static Task<HttpResponseMessage> SendWhenReleased(Task go, HttpClient client, string url, FormFields form) =>
        Task.Run(async () =>
        {
            await go;
            return await client.PostFormAsync(url, form);
        });
}
