using System.Net;
using System.Text.RegularExpressions;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Admin;

/// <summary>
/// The <c>create-admin</c> command as an operator runs it: the built app as a process of its own, on a database
/// named by environment variables, printing a password that then signs in as an Administrator.
/// </summary>
public sealed partial class CreateAdminCommandTests
{
    [Fact]
    public async Task Create_admin_run_as_a_process_prints_a_password_that_signs_in_as_an_administrator()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rsis-portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "portal.db");
        var email = $"first-{Guid.NewGuid():N}@example.org";

        var (exitCode, output) = await PortalProcess.RunAsync(["create-admin", email], new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Sqlite"] = $"Data Source={database}",
        });
        var password = PrintedPassword().Match(output).Groups[1].Value;

        await using var portal = new PortalNode(database, [("Admin:SignInPermitsPerWindow", "100000")]);
        var client = portal.CreateVisitor();
        using var signIn = await client.SignInAsync(email, password);
        using var users = await client.GetAsync(new Uri("/admin/users", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, $"create-admin exited with {exitCode}:\n{output}");
        Assert.Contains($"Created the Administrator {email}.", output, StringComparison.Ordinal);
        Assert.Equal(24, password.Length);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleanup.
        }
    }

    [GeneratedRegex(@"Password \(shown this once; it is stored only as a hash\): (\S+)")]
    private static partial Regex PrintedPassword();
}
