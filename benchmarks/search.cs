#:project ../src/Rsis.Portal.Migrations.Sqlite/Rsis.Portal.Migrations.Sqlite.csproj
#:property Configuration=Release
// File-based apps default to native AOT, which turns off the reflection-based JSON the seed reader uses.
#:property PublishAot=false
#:property NoWarn=$(NoWarn);CA1303;CA1849;CA2100;CA5394;CA1812

// Search and listings on SQLite with many publications: a benchmark, not a test.
//
//   dotnet run benchmarks/search.cs -- seed /tmp/rsis-bench.db 100000   (once: migrate, the normal seed, then
//                                                                         100,000 synthetic publications)
//   dotnet run benchmarks/search.cs -- measure /tmp/rsis-bench.db       (the search use case, as a request runs it)
//   dotnet run benchmarks/search.cs -- listings /tmp/rsis-bench.db      (home, landing, series, author and category
//                                                                         pages: first pages, later pages, years)
//
// The synthetic publications exist only in the benchmark's own database file, never in the portal's seed:
// made-up words (a Zipf-distributed vocabulary of 200,000, so a few words are everywhere and most are rare,
// as in real text), 600-1,200 words of body, 1-3 of 2,000 authors, 1-3 of 60 categories, 2000-2025.
// The portal itself can serve the file: dotnet run --project src/Rsis.Portal.Web --ConnectionStrings:Sqlite "Data Source=/tmp/rsis-bench.db"
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Rsis.Portal.Application;
using Rsis.Portal.Application.Authors.GetAuthor;
using Rsis.Portal.Application.Categories.GetCategory;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Home.GetHomePage;
using Rsis.Portal.Application.Publications.ListPublications;
using Rsis.Portal.Application.Search.SearchPublications;
using Rsis.Portal.Infrastructure;
using Rsis.Portal.Infrastructure.Seeding;

if (args.Length < 2 || args[0] is not ("seed" or "migrate" or "measure" or "listings"))
{
    Console.WriteLine("usage: dotnet run benchmarks/search.cs -- seed <file.db> [count] | migrate <file.db> | measure <file.db> [queries] | listings <file.db> [runs]");
    return 2;
}

var path = Path.GetFullPath(args[1]);
await using var services = Services(path);

if (args[0] == "migrate")
{
    // A database seeded by an older version of the portal gets the migrations added since.
    await using var scope = services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().RunAsync();
    return 0;
}

if (args[0] == "seed")
{
    var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
    await using (var scope = services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().RunAsync();
    }

    var clock = Stopwatch.StartNew();
    Synthetic.Seed(path, count);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{count:N0} synthetic publications in {path} ({new FileInfo(path).Length / 1024 / 1024:N0} MB) in {clock.Elapsed.TotalSeconds:F0} s"));
    return 0;
}

if (args[0] == "listings")
{
    var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
    Console.WriteLine("The first request after a save (the counts beside the list computed, the series sidebar read):");
    await Listings.MeasureAsync(services, runs);
    Console.WriteLine("Every later request until the next save (what the portal keeps in ISharedDataCache, kept):");
    await using var keeping = Services(path, keepSharedData: true);
    await Listings.MeasureAsync(keeping, runs);
    return 0;
}

var queryCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 400;
var workload = Synthetic.Workload(path, queryCount);

// Warm up: JIT, EF's query cache, SQLite's page cache.
foreach (var (_, query) in workload.Take(40))
{
    await RunAsync(query);
}

var timings = new List<(string Kind, double Ms, int Total)>();
foreach (var (kind, query) in workload)
{
    var watch = Stopwatch.StartNew();
    var total = await RunAsync(query);
    timings.Add((kind, watch.Elapsed.TotalMilliseconds, total));
}

// Wall-clock time, so other work on the machine inflates it: the load average says how much there was.
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{Environment.ProcessorCount} cores, load average {load} while measuring, {workload.Count} searches"));
Timings.Report("all queries", timings);
foreach (var group in timings.GroupBy(t => t.Kind))
{
    Timings.Report(group.Key, group.ToList());
}

// The worst case on purpose: the most common word of the vocabulary, in nearly every publication.
var common = Synthetic.MostCommonWord();
var worst = new List<(string, double, int)>();
for (var i = 0; i < 10; i++)
{
    var watch = Stopwatch.StartNew();
    var total = await RunAsync(new SearchPublications(common));
    worst.Add(("worst", watch.Elapsed.TotalMilliseconds, total));
}

Timings.Report($"worst case, \"{common}\" (in most publications; 10 runs)", worst);
return 0;

async Task<int> RunAsync(SearchPublications query)
{
    // A scope per search, as a request has: a fresh DbContext, connection from the pool.
    await using var scope = services.CreateAsyncScope();
    var handler = ActivatorUtilities.CreateInstance<SearchPublicationsHandler>(scope.ServiceProvider);
    var results = await handler.Handle(query, CancellationToken.None);
    return results.ExactMatchUrl is null ? results.Paging.TotalCount : 1;
}

static ServiceProvider Services(string path, bool keepSharedData = false)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Sqlite"] = $"Data Source={path}",
        ["Database:Provider"] = "Sqlite",
    }).Build();
    var environment = new BenchmarkEnvironment();
    return new ServiceCollection()
        .AddLogging()
        .AddSingleton<ISharedDataCache>(keepSharedData ? new KeptForTheRun() : new NoSharedDataCache())
        .AddSingleton<ICurrentUser, Nobody>()
        .AddPortalApplication()
        .AddPortalInfrastructure(configuration, environment)
        .BuildServiceProvider();
}

/// <summary>Keeps shared data for the whole run: nothing is saved while the benchmark measures.</summary>
internal sealed class KeptForTheRun : ISharedDataCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _kept = new();

    public async ValueTask<T> GetOrLoadAsync<T>(string key, string tag, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class
    {
        if (_kept.TryGetValue(key, out var value))
        {
            return (T)value;
        }

        var loaded = await load(cancellationToken);
        _kept[key] = loaded;
        return loaded;
    }
}

/// <summary>The seed and the measurements run as nobody signed in, as the portal's own start does.</summary>
internal sealed class Nobody : ICurrentUser
{
    public string Name => "benchmark";

    public string? Id => null;
}

internal sealed class BenchmarkEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";
    public string ApplicationName { get; set; } = "benchmark";
    public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}

internal static class Synthetic
{
    // Heaps' law puts the distinct words of 90 million words of English prose in the hundreds of thousands.
    private const int VocabularySize = 200_000;
    private const int AuthorCount = 2_000;
    private const int CategoryCount = 60;

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ra", "tu", "ve", "sa", "no", "de", "pi", "ran", "tel", "mor", "vin", "sul", "dak",
        "ber", "cho", "fa", "gi", "hu", "jen", "ko", "lu", "ma", "ne", "or", "pa", "qui", "ri", "so", "ta",
        "ul", "va", "wen", "xi", "ya", "zo", "an", "el", "in", "on", "ust", "rel", "mon", "ast",
    ];

    /// <summary>Made-up words: none is English, so no benchmark text can pass for real content.</summary>
    private static string[] Vocabulary()
    {
        var random = new Random(42);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < VocabularySize)
        {
            var word = new StringBuilder();
            for (var i = random.Next(2, 5); i > 0; i--)
            {
                word.Append(Syllables[random.Next(Syllables.Length)]);
            }

            words.Add(word.ToString());
        }

        return [.. words];
    }

    /// <summary>Zipf (s = 1) over ranks 0..n-1: cumulative weights for sampling by binary search.</summary>
    private static double[] Zipf(int n)
    {
        var cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }

        for (var i = 0; i < n; i++)
        {
            cumulative[i] /= sum;
        }

        return cumulative;
    }

    private static int Sample(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return index < 0 ? Math.Min(~index, cumulative.Length - 1) : index;
    }

    private static string Words(string[] vocabulary, double[] zipf, Random random, int count, int skipCommon = 0)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(i % 17 == 0 ? ". " : " ");
            }

            var rank = skipCommon + Sample(zipf, random);
            text.Append(vocabulary[Math.Min(rank, vocabulary.Length - 1)]);
        }

        return text.ToString();
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    public static void Seed(string path, int count)
    {
        var vocabulary = Vocabulary();
        var zipf = Zipf(VocabularySize);
        // Titles name subjects: they skip the thousand most common words ("the", "of", "and" in English).
        var titleZipf = Zipf(VocabularySize - 1000);
        var random = new Random(7);

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        // Links are written before their publication so that the publication's insert trigger indexes
        // it once, authors and categories included, instead of once per link.
        Execute(connection, "PRAGMA foreign_keys = OFF;");
        using var transaction = connection.BeginTransaction();

        var series = Query(connection, transaction, "SELECT Id, coalesce(CodePrefix, upper(substr(Slug, 1, 2))) FROM Series")
            .Select(r => (Id: (long)r[0], Prefix: (string)r[1])).ToList();
        var firstAuthor = Scalar(connection, transaction, "SELECT coalesce(max(Id), 0) FROM Authors") + 1;
        var firstCategory = Scalar(connection, transaction, "SELECT coalesce(max(Id), 0) FROM Categories") + 1;
        var firstPublication = Scalar(connection, transaction, "SELECT coalesce(max(Id), 0) FROM Publications") + 1;

        using (var author = Command(connection, transaction, "INSERT INTO Authors (Id, Name, Slug, ShortTitle, Biography, ConcurrencyToken) VALUES ($id, $name, $slug, '', '', $token)", "$id", "$name", "$slug", "$token"))
        {
            for (var i = 0; i < AuthorCount; i++)
            {
                var name = $"{Capitalised(vocabulary[5000 + (i * 7)])} {Capitalised(vocabulary[9000 + i])}";
                Run(author, firstAuthor + i, name, $"bench-author-{i}", Guid.NewGuid());
            }
        }

        using (var category = Command(connection, transaction, "INSERT INTO Categories (Id, Name, Slug, ConcurrencyToken) VALUES ($id, $name, $slug, $token)", "$id", "$name", "$slug", "$token"))
        {
            for (var i = 0; i < CategoryCount; i++)
            {
                Run(category, firstCategory + i, $"{Capitalised(vocabulary[2000 + i])} Studies", $"bench-category-{i}", Guid.NewGuid());
            }
        }

        using var publication = Command(connection, transaction,
            """
            INSERT INTO Publications (Id, SeriesId, Code, Title, Slug, PublishedOn, Status, Synopsis, Body, AboutTheAuthors,
                                      CreatedAtUtc, UpdatedAtUtc, ConcurrencyToken)
            VALUES ($id, $series, $code, $title, $slug, $date, $status, $synopsis, $body, '', $now, $now, $token)
            """,
            "$id", "$series", "$code", "$title", "$slug", "$date", "$status", "$synopsis", "$body", "$now", "$token");
        using var byline = Command(connection, transaction, "INSERT INTO PublicationAuthors (PublicationId, AuthorId, Position) VALUES ($p, $a, $i)", "$p", "$a", "$i");
        using var tag = Command(connection, transaction, "INSERT INTO PublicationCategories (PublicationId, CategoryId) VALUES ($p, $c)", "$p", "$c");

        var authorZipf = Zipf(AuthorCount);
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        for (var n = 0; n < count; n++)
        {
            var id = firstPublication + n;
            // Most publications are commentaries, as on the real site.
            var (seriesId, prefix) = random.NextDouble() < 0.6 ? series.First(s => s.Prefix == "CO") : series[random.Next(series.Count)];
            var date = new DateOnly(2000, 1, 1).AddDays(random.Next(26 * 365));
            var code = $"{prefix}{date.Year % 100:00}{n:000000}";
            var title = Capitalised(Words(vocabulary, titleZipf, random, random.Next(5, 12), skipCommon: 1000));
            var authors = Enumerable.Range(0, random.Next(1, 4)).Select(_ => firstAuthor + Sample(authorZipf, random)).Distinct().ToList();
            var categories = Enumerable.Range(0, random.Next(1, 4)).Select(_ => firstCategory + random.Next(CategoryCount)).Distinct().ToList();

            for (var i = 0; i < authors.Count; i++)
            {
                Run(byline, id, authors[i], i);
            }

            foreach (var category in categories)
            {
                Run(tag, id, category);
            }

            Run(publication, id, seriesId, code, title, $"bench-{code.ToLowerInvariant()}", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                random.NextDouble() < 0.02 ? 0 : 1,
                Words(vocabulary, zipf, random, random.Next(40, 70)) + ".",
                Words(vocabulary, zipf, random, random.Next(600, 1200)) + ".",
                now, Guid.NewGuid());

            if ((n + 1) % 10_000 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n + 1:N0}"));
            }
        }

        transaction.Commit();
        Execute(connection, "PRAGMA foreign_keys = ON; ANALYZE; PRAGMA optimize;");
        // FTS5 writes many small segments while inserting; merging them is what a long-running index reaches.
        Execute(connection, "INSERT INTO PublicationSearchIndex(PublicationSearchIndex) VALUES ('optimize');");
        Execute(connection, "INSERT INTO PublicationSearchSummary(PublicationSearchSummary) VALUES ('optimize');");
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    /// <summary>
    /// What readers would search for: words from the title of a random publication (one or two of them), an
    /// author's name, a word with a series or year filter, a later page, a code.
    /// </summary>
    public static List<(string Kind, SearchPublications Query)> Workload(string path, int count)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        var random = new Random(11);
        var sample = Query(connection, null,
            $"""
            SELECT p.Title, p.Code, s.Slug, substr(p.PublishedOn, 1, 4),
                   (SELECT a.Name FROM PublicationAuthors pa JOIN Authors a ON a.Id = pa.AuthorId WHERE pa.PublicationId = p.Id LIMIT 1)
            FROM Publications p JOIN Series s ON s.Id = p.SeriesId
            WHERE p.Status = 1 ORDER BY random() LIMIT {count}
            """).ToList();

        var workload = new List<(string, SearchPublications)>();
        foreach (var row in sample)
        {
            var words = ((string)row[0]).Split(' ');
            var word = words[random.Next(words.Length)].ToLowerInvariant();
            var roll = random.NextDouble();
            workload.Add(roll switch
            {
                < 0.40 => ("one title word", new SearchPublications(word)),
                < 0.65 => ("two title words", new SearchPublications(string.Join(' ', words.OrderBy(_ => random.Next()).Take(2)))),
                < 0.75 => ("an author's name", new SearchPublications(row[4] as string ?? word)),
                < 0.85 => ("a word with a series filter", new SearchPublications(word, Series: [(string)row[2]])),
                < 0.92 => ("a word with a year filter", new SearchPublications(word, Year: [int.Parse((string)row[3], CultureInfo.InvariantCulture)])),
                < 0.97 => ("a word, page 3", new SearchPublications(word, Page: 3)),
                _ => ("a code (goes to the article)", new SearchPublications((string)row[1])),
            });
        }

        return workload;
    }

    /// <summary>The vocabulary is made the same way every time, and rank 0 is the most frequent word.</summary>
    public static string MostCommonWord() => Vocabulary()[0];

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static IEnumerable<object[]> Query(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            yield return row;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] is Guid guid ? guid.ToString().ToUpperInvariant() : values[i];
        }

        command.ExecuteNonQuery();
    }
}

/// <summary>
/// The listing pages readers page through, each use case run as a request runs it (a scope of its own): first
/// pages, a random later page, a random year; a random one of the 2,000 authors and 60 categories.
/// </summary>
internal static class Listings
{
    public static async Task MeasureAsync(ServiceProvider services, int runs)
    {
        var random = new Random(7);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, load average {load} at the start, {runs} runs of each"));

        await TimeAsync<GetHomePageHandler>(services, runs, "home page (latest publications)",
            async h => (await h.Handle(new GetHomePage(), CancellationToken.None)).Latest.Count);
        await TimeAsync<ListPublicationsHandler>(services, runs, "all publications, page 1",
            async h => (await h.Handle(new ListPublications(null, null, 1), CancellationToken.None))!.Paging.TotalCount);
        await TimeAsync<ListPublicationsHandler>(services, runs, "all publications, a random page of 5,000",
            async h => (await h.Handle(new ListPublications(null, null, random.Next(1, 5_000)), CancellationToken.None))!.Paging.TotalCount);
        await TimeAsync<ListPublicationsHandler>(services, runs, "RSIS Commentary Series, page 1",
            async h => (await h.Handle(new ListPublications(CommentarySeries, null, 1), CancellationToken.None))!.Paging.TotalCount);
        await TimeAsync<ListPublicationsHandler>(services, runs, "RSIS Commentary Series, a random year",
            async h => (await h.Handle(new ListPublications(CommentarySeries, random.Next(2000, 2026), 1), CancellationToken.None))!.Paging.TotalCount);
        await TimeAsync<ListPublicationsHandler>(services, runs, "RSIS Commentary Series, a random page of 3,000",
            async h => (await h.Handle(new ListPublications(CommentarySeries, null, random.Next(1, 3_000)), CancellationToken.None))!.Paging.TotalCount);
        await TimeAsync<GetAuthorHandler>(services, runs, "an author, page 1",
            async h => (await h.Handle(new GetAuthor($"bench-author-{random.Next(2_000)}", 1), CancellationToken.None))!.Paging.TotalCount);
        await TimeAsync<GetCategoryHandler>(services, runs, "a category, page 1",
            async h => (await h.Handle(new GetCategory($"bench-category-{random.Next(60)}", 1), CancellationToken.None))!.Paging.TotalCount);
        await TimeAsync<GetCategoryHandler>(services, runs, "a category, a random page of 150",
            async h => (await h.Handle(new GetCategory($"bench-category-{random.Next(60)}", random.Next(1, 150)), CancellationToken.None))!.Paging.TotalCount);
    }

    private const string CommentarySeries = "rsis-commentary-series";

    private static async Task TimeAsync<THandler>(ServiceProvider services, int runs, string kind, Func<THandler, Task<int>> run)
        where THandler : notnull
    {
        async Task<int> OnceAsync()
        {
            await using var scope = services.CreateAsyncScope();
            return await run(ActivatorUtilities.CreateInstance<THandler>(scope.ServiceProvider));
        }

        for (var i = 0; i < 10; i++)
        {
            await OnceAsync();
        }

        var timings = new List<(string Kind, double Ms, int Total)>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var total = await OnceAsync();
            timings.Add((kind, watch.Elapsed.TotalMilliseconds, total));
        }

        Timings.Report(kind, timings);
    }
}

internal static class Timings
{
    public static void Report(string title, List<(string Kind, double Ms, int Total)> timings)
    {
        var sorted = timings.Select(t => t.Ms).Order().ToList();
        double Percentile(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title,-58} n={sorted.Count,4}  p50 {Percentile(0.50),6:F1} ms  p95 {Percentile(0.95),6:F1} ms  p99 {Percentile(0.99),6:F1} ms  max {sorted[^1],6:F1} ms  median hits {timings.Select(t => t.Total).Order().ElementAt(timings.Count / 2):N0}"));
    }
}
