using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Infrastructure.Search;
using Rsis.Portal.IntegrationTests.Infrastructure;
using Rsis.Portal.IntegrationTests.SqlServer;
using Rsis.Portal.Migrations.SqlServer;

namespace Rsis.Portal.IntegrationTests.Search;

/// <summary>
/// The LIKE search's escaping (<see cref="LikePublicationSearch.EscapeLike"/> with its escape character): %, _ and
/// [ in a word match themselves, on SQLite (run here on a real file) and in the SQL SQL Server is sent.
/// </summary>
public sealed class LikeEscapeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("50%", "A 50% rise in cyber attacks")]
    [InlineData("cyber_security", "Notes on cyber_security")]
    [InlineData("[sic]", "Quoted [sic] in the original")]
    [InlineData("C:\\cyber", "Paths like C:\\cyber")]
    public async Task A_word_with_like_wildcards_finds_only_its_literal_on_sqlite(string word, string literal)
    {
        var codes = new[] { "ZZ0001", "ZZ0002", "ZZ0003", "ZZ0004", "ZZ0005", "ZZ0006", "ZZ0007", "ZZ0008" };
        string[] titles =
        [
            "A 50% rise in cyber attacks", "A 500-fold rise in cyber attacks",
            "Notes on cyber_security", "Notes on cyber-security and cybersecurity",
            "Quoted [sic] in the original", "Quoted sic in the original",
            "Paths like C:\\cyber", "Paths like C:cyber",
        ];
        if (!await portal.WithDatabaseAsync(db => db.Publications.AnyAsync(p => p.Code == codes[0], TestContext.Current.CancellationToken)))
        {
            foreach (var (code, title) in codes.Zip(titles))
            {
                await portal.AddPublicationAsync(new TestPublication(code, title));
            }
        }

        var pattern = "%" + LikePublicationSearch.EscapeLike(word) + "%";
        var found = await portal.WithDatabaseAsync(db => db.Publications
            .Where(p => EF.Functions.Like(p.Title, pattern, LikePublicationSearch.LikeEscape))
            .Select(p => p.Title).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal([literal], found);
    }

    [Fact]
    public void Sql_server_is_sent_the_escape_character_and_an_escaped_pattern_that_parses()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var pattern = "%" + LikePublicationSearch.EscapeLike("50%_[x") + "%";

        var sql = db.Publications.Where(p => EF.Functions.Like(p.Title, pattern, LikePublicationSearch.LikeEscape)).ToQueryString();

        // SQL Server reads \%, \_ and \[ as the characters themselves under ESCAPE N'\'.
        Assert.Contains("LIKE @pattern ESCAPE N'\\'", sql, StringComparison.Ordinal);
        Assert.Contains("@pattern nvarchar(400) = N'%50\\%\\_\\[x%'", sql, StringComparison.Ordinal);
        Assert.Empty(TransactSql.Check(sql).Errors);
    }
}
