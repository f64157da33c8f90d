// EF1001: the shadow replaces EF's query compiler, an internal service, to see every LINQ query the app runs
// before EF turns it into SQLite SQL. Test code only; nothing of it reaches the app.
#pragma warning disable EF1001
using System.Collections;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Rsis.Portal.Infrastructure;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.IntegrationTests.SqlServer;

/// <summary>A statement the SQL Server provider generated for a query the app ran, and where in the app it ran.</summary>
public sealed record ShadowStatement(string Sql, string Request);

/// <summary>A query the SQL Server provider could not translate (or translated only with a warning), and why.</summary>
public sealed record ShadowFailure(string Query, string Error, string Request);

/// <summary>
/// Every LINQ query the app runs on SQLite is translated again, at the same moment and with the same values, by the
/// SQL Server provider, whose connection never opens: its commands are recorded instead of sent and answered with
/// no rows. The app keeps its real SQLite answers, so every page runs to its end and every query on it is seen.
/// Warnings (client evaluation where EF detects it, row limits without an order) are errors on the SQL Server side.
/// </summary>
public sealed class SqlServerShadow
{
    private static readonly MethodInfo ExecuteMethod = typeof(IQueryCompiler).GetMethod(nameof(IQueryCompiler.Execute))!;

    private readonly DbContextOptions<PortalDbContext> _options;
    private readonly ConcurrentQueue<ShadowStatement> _statements = new();
    private readonly ConcurrentQueue<ShadowFailure> _failures = new();
    private string? _request;

    public SqlServerShadow()
    {
        var recorder = new CommandRecorder(this);
        _options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlServer("Server=shadow.invalid;Database=RsisPortal;User Id=shadow;Password=never-sent;Encrypt=True", sql => sql
                .MigrationsAssembly(DependencyInjection.SqlServerMigrationsAssembly)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(new ClosedConnection(), recorder)
            .ConfigureWarnings(warnings => warnings
                .Default(WarningBehavior.Throw)
                .Ignore(CoreEventId.SensitiveDataLoggingEnabledWarning, CoreEventId.ManyServiceProvidersCreatedWarning))
            .Options;
    }

    public IReadOnlyCollection<ShadowStatement> Statements => _statements;

    public IReadOnlyCollection<ShadowFailure> Failures => _failures;

    /// <summary>
    /// Names what runs next (a request's path) in what is recorded, until named again. A plain field, not an
    /// AsyncLocal: the test server does not carry the test's execution context into the request.
    /// </summary>
    public string? Request
    {
        get => Volatile.Read(ref _request);
        set => Volatile.Write(ref _request, value);
    }

    /// <summary>Translates <paramref name="query"/> (as the app's context received it) for SQL Server; never throws.</summary>
    internal void Translate(Expression query, Type resultType)
    {
        using var db = new PortalDbContext(_options);
        var before = _statements.Count;
        try
        {
            var rewritten = new SqlServerRoots(db.GetService<IAsyncQueryProvider>(), db.Model).Visit(query);
            var (syncType, enumerate) = SyncResult(resultType);
            var result = ExecuteMethod.MakeGenericMethod(syncType).Invoke(db.GetService<IQueryCompiler>(), [rewritten]);
            if (enumerate && result is IEnumerable sequence)
            {
                sequence.GetEnumerator().MoveNext();
            }
        }
        catch (Exception exception)
        {
            // Once the command is recorded the SQL exists; what follows (no rows for a Single) does not matter.
            if (_statements.Count == before)
            {
                var error = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
                _failures.Enqueue(new ShadowFailure(query.Print(), $"{error.GetType().Name}: {error.Message}", Request ?? "(startup)"));
            }
        }
    }

    /// <summary>
    /// What the synchronous path returns for an asynchronous result: <c>Task&lt;T&gt;</c> → <c>T</c>,
    /// <c>IAsyncEnumerable&lt;T&gt;</c> → <c>IEnumerable&lt;T&gt;</c> (enumerated, so its command is made).
    /// </summary>
    private static (Type Type, bool Enumerate) SyncResult(Type resultType)
    {
        if (resultType.IsGenericType && resultType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return (resultType.GetGenericArguments()[0], false);
        }

        if (resultType.IsGenericType && resultType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
        {
            return (typeof(IEnumerable<>).MakeGenericType(resultType.GetGenericArguments()[0]), true);
        }

        return (resultType, resultType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(resultType));
    }

    private void Record(string sql) => _statements.Enqueue(new ShadowStatement(sql, Request ?? "(startup)"));

    /// <summary>
    /// Puts the SQL Server model's query roots where the app's (SQLite) ones are, and inlines queryables the query
    /// captured from variables (a subquery built beforehand), as EF itself would before translating.
    /// </summary>
    private sealed class SqlServerRoots(IAsyncQueryProvider provider, IModel model) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node)
        {
            if (node is not null
                && node.NodeType is ExpressionType.MemberAccess or ExpressionType.Call or ExpressionType.Constant
                && typeof(IQueryable).IsAssignableFrom(node.Type)
                && Closed.Check(node)
                && Expression.Lambda<Func<object?>>(Expression.Convert(node, typeof(object))).Compile(preferInterpretation: true)() is IQueryable { Provider: IAsyncQueryProvider } captured)
            {
                return Visit(captured.Expression);
            }

            return base.Visit(node);
        }

        protected override Expression VisitExtension(Expression node) => node switch
        {
            EntityQueryRootExpression root => new EntityQueryRootExpression(
                provider,
                model.FindEntityType(root.EntityType.Name) ?? throw new InvalidOperationException($"{root.EntityType.Name} is not in the SQL Server model.")),
            _ => base.VisitExtension(node),
        };
    }

    /// <summary>Whether an expression can be evaluated here: no lambda parameter and no query root in it.</summary>
    private sealed class Closed : ExpressionVisitor
    {
        private bool _open;

        public static bool Check(Expression node)
        {
            var check = new Closed();
            check.Visit(node);
            return !check._open;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _open = true;
            return node;
        }

        protected override Expression VisitExtension(Expression node)
        {
            _open = true;
            return node;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _open = true;
            return node;
        }
    }

    /// <summary>The SQL Server connection is never opened: EF is told it is.</summary>
    private sealed class ClosedConnection : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }

    /// <summary>Records each command's text and answers it with no rows (or one row affected) instead of sending it.</summary>
    private sealed class CommandRecorder(SqlServerShadow shadow) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            shadow.Record(command.CommandText);
            return InterceptionResult<DbDataReader>.SuppressWithResult(new DataTable().CreateDataReader());
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            shadow.Record(command.CommandText);
            return InterceptionResult<int>.SuppressWithResult(1);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            shadow.Record(command.CommandText);
            return InterceptionResult<object>.SuppressWithResult(DBNull.Value);
        }
    }
}

/// <summary>
/// The app's query compiler, which first hands each query to the <see cref="SqlServerShadow"/> registered in the
/// app's services (when there is one), then runs it on SQLite as always.
/// </summary>
public sealed class ShadowQueryCompiler(
    IQueryContextFactory queryContextFactory,
    ICompiledQueryCache compiledQueryCache,
    ICompiledQueryCacheKeyGenerator compiledQueryCacheKeyGenerator,
    IDatabase database,
    IDiagnosticsLogger<DbLoggerCategory.Query> logger,
    ICurrentDbContext currentContext,
    IEvaluatableExpressionFilter evaluatableExpressionFilter,
    IModel model)
    : QueryCompiler(queryContextFactory, compiledQueryCache, compiledQueryCacheKeyGenerator, database, logger, currentContext, evaluatableExpressionFilter, model)
{
    private readonly SqlServerShadow? _shadow = currentContext.Context.GetService<IDbContextOptions>()
        .FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(SqlServerShadow)) as SqlServerShadow;

    public override TResult Execute<TResult>(Expression query)
    {
        _shadow?.Translate(query, typeof(TResult));
        return base.Execute<TResult>(query);
    }

    public override TResult ExecuteAsync<TResult>(Expression query, CancellationToken cancellationToken = default)
    {
        _shadow?.Translate(query, typeof(TResult));
        return base.ExecuteAsync<TResult>(query, cancellationToken);
    }
}
