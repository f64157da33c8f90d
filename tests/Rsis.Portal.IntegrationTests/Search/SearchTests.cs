using System.Net;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Search;

/// <summary>Search over the seed alone: CO13046 and nothing else.</summary>
public sealed class SearchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("cyber")]
    [InlineData("espionage")]
    [InlineData("Raja Mohan")]
    [InlineData("Donilon Shanghai")]
    [InlineData("13046")]
    [InlineData("attack")]
    public async Task Words_of_the_commentary_find_it(string q)
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + Uri.EscapeDataString(q));

        var item = Assert.Single(page.QuerySelectorAll(".publication-item"));
        Assert.Equal(SeedFacts.ArticleUrl, item.QuerySelector("a.publication-title")!.GetAttribute("href"));
        Assert.Equal(SeedFacts.Code, item.QuerySelector(".publication-code")!.TextContent.Trim());
        Assert.Contains(SeedFacts.Date, item.TextContent, StringComparison.Ordinal);
        Assert.Contains(SeedFacts.Author, item.TextContent, StringComparison.Ordinal);
        Assert.Contains("RSIS Commentary Series", item.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cyber", "Cyber")]
    [InlineData("espionage", "espionage")]
    public async Task The_matched_word_is_highlighted_in_the_title_or_passage(string q, string highlighted)
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + q);

        var item = Assert.Single(page.QuerySelectorAll(".publication-item"));
        var marks = item.QuerySelectorAll("mark").Select(m => m.TextContent).ToList();
        Assert.Contains(highlighted, marks);
        Assert.Contains(item.QuerySelectorAll(".search-result__passage mark"), m => m.TextContent.Equals(q, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_body_passage_is_shown_as_words_without_markdown()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=Mandiant");

        var passage = page.QuerySelector(".search-result__passage")!;
        Assert.Equal("Mandiant", passage.QuerySelector("mark")!.TextContent);
        Assert.Contains("the US cyber security firm Mandiant published a report", passage.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("##", passage.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("co13046")]
    [InlineData("CO13046")]
    [InlineData("  CO13046 ")]
    public async Task An_exact_code_goes_straight_to_the_article(string q)
    {
        using var response = await portal.CreateReader().GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(q), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(SeedFacts.ArticleUrl, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("' OR 1=1--")]
    [InlineData("[a-z]")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(cyber zzzz, 2)")]
    [InlineData("cyber OR zzzz")]
    [InlineData("title:cyber zzzz")]
    [InlineData("网络安全")]
    [InlineData("Ünïcödé façade")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Odd_queries_get_a_normal_page_with_no_false_matches(string q)
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + Uri.EscapeDataString(q));

        Assert.Empty(page.QuerySelectorAll(".publication-item"));
        Assert.Null(page.QuerySelector("script:not([src])"));
        // What was typed comes back as text, in the box and in the message.
        Assert.Equal(q.Trim(), page.QuerySelector("#search-page-q")!.GetAttribute("value"));
        Assert.Equal(q.Trim(), page.QuerySelector(".search-results [role=status] strong")!.TextContent);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("\"\"")]
    [InlineData("^~!@#$%^&*()")]
    public async Task Input_without_a_word_says_there_is_nothing_to_search_for(string q)
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + Uri.EscapeDataString(q));

        Assert.Empty(page.QuerySelectorAll(".publication-item"));
        Assert.Contains("has no words or numbers to search for", page.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cyber*")]
    [InlineData("\"cyber\"")]
    [InlineData("-cyber")]
    [InlineData("(cyber)")]
    [InlineData("cyber AND OR")]
    public async Task Search_syntax_around_a_word_is_ignored_and_the_word_is_found(string q)
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + Uri.EscapeDataString(q));

        Assert.Single(page.QuerySelectorAll(".publication-item"));
    }

    [Fact]
    public async Task Only_spaces_show_the_search_box_and_a_hint()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + Uri.EscapeDataString("     "));

        Assert.Empty(page.QuerySelectorAll(".publication-item"));
        Assert.NotNull(page.QuerySelector("#search-page-q"));
        Assert.Contains("Type a word from a title", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_query_gets_a_normal_page_saying_it_was_shortened()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + string.Concat(Enumerable.Repeat("cyber ", 1_700)));

        Assert.Single(page.QuerySelectorAll(".publication-item"));
        Assert.Contains("Only the first 8 words and 200 characters were searched for.", page.QuerySelector(".search-results")!.TextContent, StringComparison.Ordinal);
        Assert.True(page.QuerySelector("#search-page-q")!.GetAttribute("value")!.Length <= 200);
    }

    [Fact]
    public async Task A_ten_thousand_letter_word_gets_a_normal_page()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=" + new string('a', 10_000));

        Assert.Empty(page.QuerySelectorAll(".publication-item"));
        Assert.NotNull(page.QuerySelector(".empty-state"));
    }

    [Fact]
    public async Task Results_offer_filters_with_counts()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber");

        var series = page.QuerySelector("#filter-series-rsis-commentary-series")!;
        Assert.Equal("series", series.GetAttribute("name"));
        Assert.Equal("RSIS Commentary Series (1)", page.QuerySelector("label[for=filter-series-rsis-commentary-series]")!.TextContent.Squash());
        Assert.Equal("2013 (1)", page.QuerySelector("label[for=filter-year-2013]")!.TextContent.Squash());
        Assert.Equal("C. Raja Mohan (1)", page.QuerySelector("label[for=filter-author-c-raja-mohan]")!.TextContent.Squash());
        Assert.Equal("RSIS Commentary Series (1)", page.QuerySelector("label[for=filter-category-rsis-commentary-series]")!.TextContent.Squash());
    }

    [Fact]
    public async Task Words_that_find_nothing_together_suggest_each_word_that_finds_something()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber+quasarzz");

        Assert.Empty(page.QuerySelectorAll(".publication-item"));
        var suggestion = Assert.Single(page.QuerySelectorAll(".search-suggestions li"));
        Assert.Equal("/search?q=cyber", suggestion.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("(1 publication)", suggestion.TextContent, StringComparison.Ordinal);
        Assert.Contains("browse all publications", page.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_that_find_nothing_with_filters_suggest_the_search_without_them()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber&series=books");

        Assert.Empty(page.QuerySelectorAll(".publication-item"));
        var suggestion = Assert.Single(page.QuerySelectorAll(".search-suggestions li"));
        Assert.Equal("/search?q=cyber", suggestion.QuerySelector("a")!.GetAttribute("href"));
        // The chosen filter stays on show, with no results, so it can be taken off.
        Assert.True(page.QuerySelector("#filter-series-books")!.HasAttribute("checked"));
    }

    [Theory]
    [InlineData("?q=cyber&year=abc", "“abc” is not a valid year.")]
    [InlineData("?q=cyber&year=1066", "Choose years between 1900 and 2100.")]
    [InlineData("?q=cyber&series=%3Cscript%3E", "Each series filter must be a name from a link on this site")]
    public async Task Invalid_filters_get_a_400_page_saying_what_is_wrong(string query, string message)
    {
        var page = await portal.CreateReader().GetPageAsync("/search" + query, HttpStatusCode.BadRequest);

        Assert.Contains(message, page.QuerySelector(".status-problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_naming_nothing_that_exists_is_ignored()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber&author=no-such-author");

        Assert.Single(page.QuerySelectorAll(".publication-item"));
    }

    [Fact]
    public async Task Result_pages_ask_search_engines_not_to_index_them()
    {
        var page = await portal.CreateReader().GetPageAsync("/search?q=cyber");

        Assert.Equal("noindex, follow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }
}
