using System.Net;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;
using Serilog.Events;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>The portal on Kestrel, keeping what the use cases log at Information: the commands the pipeline refused.</summary>
public sealed class UseCaseLogPortal : KestrelPortal
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
        [.. base.Settings, ("Serilog:MinimumLevel:Override:Rsis.Portal.Application", "Information")];
}

/// <summary>
/// Changes to staff accounts are use cases like any other: they pass the mediator's logging and validation, so a
/// refused one is in the log with its reason, as a refused save of an article is.
/// </summary>
public sealed class StaffAccountLoggingTests(UseCaseLogPortal portal) : IClassFixture<UseCaseLogPortal>
{
    [Fact]
    public async Task A_refused_account_change_is_logged_with_its_reason_and_never_with_a_password()
    {
        var (administrator, me) = await portal.SignedInAsync(StaffRoles.Administrator);
        var myId = await portal.AccountIdAsync(me.Email);

        using var duplicate = await administrator.CreateAccountAsync(me.Email.ToUpperInvariant(), StaffRoles.Editor);
        var token = FormFields.Of(await administrator.GetPageAsync($"/admin/users/{myId}"), "#role-form").Without("Role");
        using var lockMe = await administrator.PostFormAsync($"/admin/users/{myId}/lock", token);
        var passwordForm = FormFields.Of(await administrator.GetPageAsync("/admin/account/password"), "form[action='/admin/account/password']");
        using var mismatch = await administrator.PostFormAsync("/admin/account/password", passwordForm
            .Set("CurrentPassword", me.Password).Set("NewPassword", "a new long passphrase one").Set("ConfirmPassword", "a new long passphrase two"));

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, lockMe.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        var lines = portal.Log.Events.Where(e => e.Level == LogEventLevel.Information).Select(e => e.RenderMessage(null)).ToList();
        Assert.Contains(lines, l => l.Contains("CreateStaffAccount", StringComparison.Ordinal) && l.Contains("was rejected", StringComparison.Ordinal)
            && l.Contains($"There is already an account for {me.Email.ToUpperInvariant()}.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("LockStaffAccount", StringComparison.Ordinal) && l.Contains("You cannot lock your own account.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ChangeYourPassword", StringComparison.Ordinal) && l.Contains("The two new passwords are not the same.", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Log.Events, e => e.RenderMessage(null).Contains("a new long passphrase", StringComparison.Ordinal)
            || e.RenderMessage(null).Contains(me.Password, StringComparison.Ordinal));
    }
}
