namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Staff accounts at startup: the roles always; in Development only, a first administrator with a random
/// password written to the log; and the <c>create-admin</c> command, run instead of the web host.
/// </summary>
public static class StaffAccountStartup
{
    /// <summary>
    /// <c>create-admin someone@example.org</c>: creates the account (or gives an existing one the role, a new
    /// password and unlocks it) and prints the generated password this once. Answers the process exit code.
    /// </summary>
    public static Task<int> RunCommandAsync(this WebApplication app, string[] args) =>
        PortalCommand.CreateAdmin.RunAsync(args, async email =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var account = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateOrResetAsync(email, StaffRoles.Administrator);
            return [
                account.AlreadyExisted
                    ? $"{account.Email} already had an account: it is now an Administrator, unlocked, with a new password."
                    : $"Created the Administrator {account.Email}.",
                $"Password (shown this once; it is stored only as a hash): {account.Password}",
                "Sign in at /admin/login, then choose your own password under Your account.",
            ];
        }, exception => exception is InvalidOperationException, valid: value => value.Contains('@', StringComparison.Ordinal));

    public static async Task PrepareStaffAccountsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        await accounts.EnsureRolesAsync();
        if (!app.Environment.IsDevelopment() || await accounts.AnyAdministratorAsync())
        {
            return;
        }

        var email = app.Configuration.GetSection(AdminOptions.SectionName).Get<AdminOptions>()?.DevelopmentAdministratorEmail
            ?? new AdminOptions().DevelopmentAdministratorEmail;
        var account = await accounts.CreateOrResetAsync(email, StaffRoles.Administrator);
        app.Logger.LogWarning(
            "Development: no administrator existed, so {Email} was created with the password {Password}. Sign in at /admin/login.",
            account.Email, account.Password);
    }
}
