using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Common.Models;
using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Search.SearchPublications;

/// <summary>
/// Searches published publications by code, title, synopsis and body. Every word must match somewhere.
/// An exact code ("CO13046") answers with the article's URL so the reader goes straight to it.
/// </summary>
public sealed record SearchPublications(string? Q, int? Page) : IQuery<SearchResults>
{
    public const int PageSize = 20;
    public const int MaxQueryLength = 200;
    public const int MaxWords = 8;
}

public sealed record SearchResults(string Query, string? ExactMatchUrl, IReadOnlyList<PublicationSummary> Items, Paging Paging);

public sealed class SearchPublicationsHandler(IPortalDbContext db, IClock clock)
    : IQueryHandler<SearchPublications, SearchResults>
{
    public async ValueTask<SearchResults> Handle(SearchPublications query, CancellationToken cancellationToken)
    {
        var text = (query.Q ?? "").Trim();
        if (text.Length > SearchPublications.MaxQueryLength)
        {
            text = text[..SearchPublications.MaxQueryLength];
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(SearchPublications.MaxWords).ToList();
        if (words.Count == 0)
        {
            return new SearchResults(text, null, [], Paging.Clamp(1, SearchPublications.PageSize, 0));
        }

        var visible = db.Publications.AsNoTracking().WhereVisible(clock.UtcNow);

        if (words.Count == 1)
        {
            var code = words[0].ToUpperInvariant();
            var exact = await visible.Where(p => p.Code == code)
                .Select(p => new { SeriesSlug = p.Series.Slug, p.Slug })
                .FirstOrDefaultAsync(cancellationToken);
            if (exact is not null)
            {
                return new SearchResults(text, PortalUrls.Publication(exact.SeriesSlug, exact.Slug), [], Paging.Clamp(1, SearchPublications.PageSize, 0));
            }
        }

        foreach (var word in words)
        {
            var pattern = "%" + EscapeLike(word) + "%";
            visible = visible.Where(p =>
                EF.Functions.Like(p.Code, pattern, "\\")
                || EF.Functions.Like(p.Title, pattern, "\\")
                || EF.Functions.Like(p.Synopsis, pattern, "\\")
                || EF.Functions.Like(p.Body, pattern, "\\")
                || p.Authors.Any(a => EF.Functions.Like(a.Author.Name, pattern, "\\")));
        }

        var (items, paging) = await visible.PageAsync(query.Page, SearchPublications.PageSize, cancellationToken);
        return new SearchResults(text, null, items, paging);
    }

    /// <summary>Makes % and _ in what the reader typed match themselves.</summary>
    internal static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);
}
