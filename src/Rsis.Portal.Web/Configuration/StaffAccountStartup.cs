using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.Infrastructure.Identity;

namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// Staff accounts at startup: the roles always; in Development only, a first administrator with a random
/// password written to the log; and the <c>create-admin</c> command, run instead of the web host.
/// </summary>
public static class StaffAccountStartup
{
    public const string CreateAdminCommand = "create-admin";

    /// <summary>Whether the arguments ask for a command instead of the web host.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == CreateAdminCommand;

    /// <summary>The arguments the web host reads: everything but the command and its email.</summary>
    public static string[] HostArguments(string[] args) => IsCommand(args) ? args[Math.Min(2, args.Length)..] : args;

    /// <summary>
    /// <c>create-admin someone@example.org</c>: creates the account (or gives an existing one the role, a new
    /// password and unlocks it) and prints the generated password this once. Answers the process exit code.
    /// </summary>
    public static async Task<int> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]) || !args[1].Contains('@', StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"Usage: dotnet run --project src/Rsis.Portal.Web -- {CreateAdminCommand} someone@example.org");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var account = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateOrResetAsync(args[1], StaffRoles.Administrator);
            Console.WriteLine(account.AlreadyExisted
                ? $"{account.Email} already had an account: it is now an Administrator, unlocked, with a new password."
                : $"Created the Administrator {account.Email}.");
            Console.WriteLine($"Password (shown this once; it is stored only as a hash): {account.Password}");
            Console.WriteLine("Sign in at /admin/login, then choose your own password under Your account.");
            return 0;
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
    }

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
