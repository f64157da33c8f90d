using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Rsis.Portal.IntegrationTests.SqlServer;

/// <summary>
/// Reads SQL as SQL Server 2022 would (ScriptDom's T-SQL 160 parser), since no SQL Server runs here. Batches are
/// split on <c>GO</c>, and the text of every <c>EXEC(N'…')</c> is parsed too: migrations wrap statements in it.
/// </summary>
public static partial class TransactSql
{
    /// <summary>The parse errors of <paramref name="sql"/> and the number of statements read, nested ones included.</summary>
    public static (IReadOnlyList<string> Errors, int Statements) Check(string sql)
    {
        var errors = new List<string>();
        var statements = 0;
        foreach (var batch in GoSeparator().Split(sql).Where(b => !string.IsNullOrWhiteSpace(b)))
        {
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            var fragment = parser.Parse(new StringReader(batch), out var parseErrors);
            errors.AddRange(parseErrors.Select(e => $"line {e.Line}: {e.Message}\n{batch}"));
            if (fragment is null)
            {
                continue;
            }

            var visitor = new StatementVisitor();
            fragment.Accept(visitor);
            statements += visitor.Statements;
            foreach (var nested in visitor.ExecutedStrings)
            {
                var (nestedErrors, nestedStatements) = Check(nested);
                errors.AddRange(nestedErrors);
                statements += nestedStatements;
            }
        }

        return (errors, statements);
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoSeparator();

    private sealed class StatementVisitor : TSqlFragmentVisitor
    {
        public int Statements { get; private set; }

        public List<string> ExecutedStrings { get; } = [];

        public override void Visit(TSqlStatement node) => Statements++;

        public override void Visit(ExecutableStringList node)
        {
            ArgumentNullException.ThrowIfNull(node);
            if (node.Strings.All(s => s is StringLiteral))
            {
                ExecutedStrings.Add(string.Concat(node.Strings.Cast<StringLiteral>().Select(s => s.Value)));
            }
        }
    }
}
