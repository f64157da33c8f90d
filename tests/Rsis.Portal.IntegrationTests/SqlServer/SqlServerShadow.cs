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
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.SqlServer.Update.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;
using Rsis.Portal.Infrastructure;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.IntegrationTests.SqlServer;

/// <summary>
/// A statement the SQL Server provider generated for a query the app ran or a save it made (<paramref name="IsWrite"/>),
/// and where in the app it ran.
/// </summary>
public sealed record ShadowStatement(string Sql, string Request, bool IsWrite = false);

/// <summary>A query the SQL Server provider could not translate (or translated only with a warning), and why.</summary>
public sealed record ShadowFailure(string Query, string Error, string Request);

/// <summary>
/// Every LINQ query the app runs on SQLite is translated again, at the same moment and with the same values, by the
/// SQL Server provider, whose connection never opens: its commands are recorded instead of sent and answered with
/// no rows. The app keeps its real SQLite answers, so every page runs to its end and every query on it is seen.
/// Warnings (client evaluation where EF detects it, row limits without an order) are errors on the SQL Server side.
/// Every save is made again too (<see cref="Save"/>): its changes are copied into a SQL Server context whose
/// INSERT, UPDATE and DELETE batches are recorded the same way.
/// </summary>
public sealed class SqlServerShadow
{
    private static readonly MethodInfo ExecuteMethod = typeof(IQueryCompiler).GetMethod(nameof(IQueryCompiler.Execute))!;

    private readonly DbContextOptions<PortalDbContext> _options;
    private readonly DbContextOptions<PortalDbContext> _saveOptions;
    private readonly ConcurrentQueue<ShadowStatement> _statements = new();
    private readonly ConcurrentQueue<ShadowFailure> _failures = new();
    private readonly AsyncLocal<bool> _saving = new();
    private string? _request;

    public SqlServerShadow()
    {
        var recorder = new CommandRecorder(this);
        _options = Options(recorder).Options;
        _saveOptions = Options(recorder).ReplaceService<IModificationCommandBatchFactory, UnreadBatchFactory>().Options;
    }

    private static DbContextOptionsBuilder<PortalDbContext> Options(CommandRecorder recorder) =>
        new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlServer("Server=shadow.invalid;Database=RsisPortal;User Id=shadow;Password=never-sent;Encrypt=True", sql => sql
                .MigrationsAssembly(DependencyInjection.SqlServerMigrationsAssembly)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(new ClosedConnection(), recorder)
            .ConfigureWarnings(warnings => warnings
                .Default(WarningBehavior.Throw)
                .Ignore(CoreEventId.SensitiveDataLoggingEnabledWarning, CoreEventId.ManyServiceProvidersCreatedWarning));

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
    /// Makes the save <paramref name="app"/> is about to make (as the app's context tracks it, stamps included) again
    /// in a SQL Server context: each added, changed or deleted row is copied with its original and current values, which
    /// properties changed and which keys are not yet generated, so the provider writes the same INSERT, UPDATE and
    /// DELETE statements it would send. Never throws.
    /// </summary>
    internal void Save(DbContext app)
    {
        using var db = new PortalDbContext(_saveOptions);
        // Without a transaction, which the closed SqlConnection cannot begin; the provider then only adds a SET line to the batch.
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        var saved = app.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !e.Metadata.IsOwned())
            .ToList();
        if (saved.Count == 0)
        {
            return;
        }

        _saving.Value = true;
        try
        {
            foreach (var entry in saved)
            {
                Copy(entry, db);
            }

            db.SaveChanges();
        }
        catch (Exception exception)
        {
            _failures.Enqueue(new ShadowFailure(
                string.Join(", ", saved.Select(e => $"{e.State} {e.Metadata.DisplayName()}")), $"{exception.GetType().Name}: {exception.Message}", Request ?? "(startup)"));
        }
        finally
        {
            _saving.Value = false;
        }
    }

    /// <summary>
    /// A fresh instance of the row's type in <paramref name="db"/>, in the row's state: not the app's instance, whose
    /// navigations would drag unchanged rows into the save. Owned values (an audit entry's field changes, stored as
    /// JSON) are the same objects, so they are saved with their owner.
    /// </summary>
    private static void Copy(EntityEntry row, PortalDbContext db)
    {
        var copy = Activator.CreateInstance(row.Metadata.ClrType, nonPublic: true)!;
        foreach (var owned in row.Navigations.Where(n => n.Metadata is INavigation { TargetEntityType: { } target } && target.IsOwned()))
        {
            db.Entry(copy).Navigation(owned.Metadata.Name).CurrentValue = owned.CurrentValue;
        }

        var target = db.Entry(copy);
        target.CurrentValues.SetValues(ByName(row.CurrentValues));
        switch (row.State)
        {
            case EntityState.Added:
                target.State = EntityState.Added;
                foreach (var owned in target.Navigations.Where(n => n.Metadata is INavigation { TargetEntityType: { } type } && type.IsOwned()))
                {
                    foreach (var value in owned.CurrentValue is IEnumerable many ? many.Cast<object>() : owned.CurrentValue is { } one ? [one] : [])
                    {
                        db.Entry(value).State = EntityState.Added;
                    }
                }

                foreach (var property in row.Properties.Where(p => p.IsTemporary))
                {
                    target.Property(property.Metadata.Name).IsTemporary = true;
                }

                break;
            case EntityState.Modified:
                target.State = EntityState.Unchanged;
                target.OriginalValues.SetValues(ByName(row.OriginalValues));
                foreach (var property in row.Properties.Where(p => p.IsModified))
                {
                    target.Property(property.Metadata.Name).IsModified = true;
                }

                break;
            default:
                target.State = EntityState.Unchanged;
                target.OriginalValues.SetValues(ByName(row.OriginalValues));
                target.State = EntityState.Deleted;
                break;
        }
    }

    /// <summary>A row's values by property name: the two contexts' models are different objects.</summary>
    private static Dictionary<string, object?> ByName(PropertyValues values) =>
        values.Properties.ToDictionary(p => p.Name, p => values[p], StringComparer.Ordinal);

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

    private void Record(string sql) => _statements.Enqueue(new ShadowStatement(sql, Request ?? "(startup)", _saving.Value));

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
/// SQL Server's own batches, whose answers are not read: the recorder answers every command with no rows, where a
/// real server would answer an INSERT with the generated key and an UPDATE with the row it changed.
/// </summary>
internal sealed class UnreadBatchFactory(ModificationCommandBatchFactoryDependencies dependencies) : IModificationCommandBatchFactory
{
    // SQL Server's default batch size (EF's SqlServerModificationCommandBatchFactory uses the same).
    private const int DefaultMaxBatchSize = 42;

    public ModificationCommandBatch Create() => new UnreadBatch(dependencies);

    private sealed class UnreadBatch(ModificationCommandBatchFactoryDependencies dependencies) : SqlServerModificationCommandBatch(dependencies, DefaultMaxBatchSize)
    {
        protected override void Consume(RelationalDataReader reader)
        {
        }

        protected override Task ConsumeAsync(RelationalDataReader reader, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

/// <summary>Hands every save the app makes to the <see cref="SqlServerShadow"/> before SQLite makes it.</summary>
public sealed class ShadowSaves(SqlServerShadow shadow) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Save(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Save(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Save(DbContext? context)
    {
        if (context is not null)
        {
            // The stamps the app's own interceptor sets, and the rows it found, are what the save writes.
            context.ChangeTracker.DetectChanges();
            shadow.Save(context);
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
