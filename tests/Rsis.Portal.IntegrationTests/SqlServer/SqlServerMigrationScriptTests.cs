using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rsis.Portal.Migrations.SqlServer;

namespace Rsis.Portal.IntegrationTests.SqlServer;

/// <summary>
/// The script a release job runs on SQL Server (<c>dotnet ef migrations script --idempotent</c> of the SQL Server
/// project), made through the same API and read by SQL Server's own parser: a migration with SQL that SQL Server
/// would refuse fails here, not on the production database.
/// </summary>
public sealed class SqlServerMigrationScriptTests
{
    [Fact]
    public void The_idempotent_sql_server_migration_script_parses_without_an_error()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var (errors, statements) = TransactSql.Check(script);

        Assert.True(errors.Count == 0, string.Join("\n\n", errors.Take(5)));
        Assert.Contains("CREATE TABLE [Publications]", script, StringComparison.Ordinal);
        Assert.True(statements > 100, $"Only {statements} statements were read from the script.");
        TestContext.Current.SendDiagnosticMessage($"SQL Server migration script: {statements} statements parsed, {db.Database.GetMigrations().Count()} migrations.");
    }
}
