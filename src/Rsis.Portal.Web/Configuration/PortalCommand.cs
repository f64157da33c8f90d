namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// A command given to the portal's program instead of running the site (<c>create-admin someone@example.org</c>,
/// <c>backup /path/to/copy.db</c>): its name and the one value it takes. The arguments after the value are the
/// host's, so a command reads the same settings as the site (<c>--Database:Provider SqlServer</c>).
/// </summary>
public sealed record PortalCommand(string Name, string Example)
{
    public static readonly PortalCommand CreateAdmin = new("create-admin", "someone@example.org");

    public static readonly PortalCommand Backup = new("backup", "/path/to/copy.db");

    public bool IsAsked(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>The arguments the host reads: all of them, or all but a command and its value.</summary>
    public static string[] HostArguments(string[] args) =>
        CreateAdmin.IsAsked(args) || Backup.IsAsked(args) ? args[Math.Min(2, args.Length)..] : args;

    /// <summary>
    /// Runs the command on its value and answers the process exit code: 0 with what <paramref name="run"/> says on
    /// standard output; 1 with the reason on standard error when it refuses (an exception <paramref name="isRefusal"/>
    /// knows); 2 with how to use the command when the value is missing or not <paramref name="valid"/>.
    /// </summary>
    public async Task<int> RunAsync(
        string[] args, Func<string, Task<IEnumerable<string>>> run, Func<Exception, bool> isRefusal, Func<string, bool>? valid = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(isRefusal);
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]) || !(valid?.Invoke(args[1]) ?? true))
        {
            await Console.Error.WriteLineAsync($"Usage: dotnet run --project src/Rsis.Portal.Web -- {Name} {Example}");
            return 2;
        }

        try
        {
            foreach (var line in await run(args[1]))
            {
                Console.WriteLine(line);
            }

            return 0;
        }
        catch (Exception exception) when (isRefusal(exception))
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
    }
}
