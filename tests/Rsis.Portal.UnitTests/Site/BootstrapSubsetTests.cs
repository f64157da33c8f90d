using System.Text.RegularExpressions;

namespace Rsis.Portal.UnitTests.Site;

/// <summary>
/// The public pages load only the Bootstrap rules they use (<c>bootstrap.public.min.css</c>, made by
/// tools/css/purge-bootstrap.mjs). A Bootstrap class written into a public view after the subset was made
/// would silently do nothing for readers; this finds it.
/// </summary>
public sealed partial class BootstrapSubsetTests
{
    private static readonly string Web = Path.Combine(RepositoryRoot(), "src", "Rsis.Portal.Web");

    [Fact]
    public void Every_bootstrap_class_a_public_view_names_is_in_the_public_stylesheet()
    {
        var full = File.ReadAllText(Path.Combine(Web, "wwwroot", "lib", "bootstrap", "css", "bootstrap.min.css"));
        var subset = File.ReadAllText(Path.Combine(Web, "wwwroot", "lib", "bootstrap", "css", "bootstrap.public.min.css"));
        var used = Directory.EnumerateFiles(Path.Combine(Web, "Views"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(view => ClassAttribute().Matches(File.ReadAllText(view)).Select(m => (View: Path.GetFileName(view), Classes: m.Groups[1].Value)))
            .SelectMany(found => found.Classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(name => (found.View, Name: name)))
            .Where(found => ClassName().IsMatch(found.Name))
            .ToList();

        var bootstrap = used.Where(found => Defines(full, found.Name)).ToList();
        var missing = bootstrap.Where(found => !Defines(subset, found.Name)).Select(found => $"{found.Name} ({found.View})").Distinct().ToList();

        Assert.True(bootstrap.Count > 50, $"Only {bootstrap.Count} Bootstrap classes found in the public views; the scan is broken.");
        Assert.True(missing.Count == 0, "Make the subset again (tools/css: npm ci && npm run public-bootstrap); missing: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_public_layout_loads_the_subset_and_the_staff_layout_the_whole_stylesheet()
    {
        Assert.Contains("bootstrap.public.min.css", File.ReadAllText(Path.Combine(Web, "Views", "Shared", "_Layout.cshtml")), StringComparison.Ordinal);
        Assert.Contains("bootstrap.min.css", File.ReadAllText(Path.Combine(Web, "Areas", "Admin", "Views", "Shared", "_AdminLayout.cshtml")), StringComparison.Ordinal);
    }

    private static bool Defines(string css, string name) =>
        Regex.IsMatch(css, @"\." + Regex.Escape(name) + @"(?![\w-])", RegexOptions.CultureInvariant);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Rsis.Portal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Rsis.Portal.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""\bclass="([^"@]*)""")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*$")]
    private static partial Regex ClassName();
}
