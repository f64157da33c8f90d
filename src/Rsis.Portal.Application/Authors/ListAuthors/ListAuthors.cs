using System.Text;
using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Authors.ListAuthors;

/// <summary>
/// The A–Z of authors with published publications, each with how many: all of them, those under one
/// <paramref name="Letter"/> (its base letter: "é" is E), or those whose name holds <paramref name="Query"/>.
/// A name files under its first letter as staff wrote it, accents set aside.
/// </summary>
public sealed record ListAuthors(string? Letter, string? Query) : IQuery<AuthorIndex>
{
    public const int MaxQueryLength = 100;
}

public sealed class ListAuthorsValidator : AbstractValidator<ListAuthors>
{
    public ListAuthorsValidator()
    {
        RuleFor(q => q.Letter)
            .Must(letter => string.IsNullOrWhiteSpace(letter) || IndexLetter.Parse(letter) is not null)
            .WithMessage("“letter” must be one letter from A to Z.");
        RuleFor(q => q.Query).MaximumLength(ListAuthors.MaxQueryLength)
            .WithMessage($"A name to search for is at most {ListAuthors.MaxQueryLength} characters.");
    }
}

/// <param name="Letters">A to Z, each with whether anybody files under it.</param>
/// <param name="Letter">The letter chosen, if any.</param>
/// <param name="Query">The name searched for, trimmed, if any.</param>
/// <param name="Authors">The authors shown, by name.</param>
public sealed record AuthorIndex(IReadOnlyList<IndexLetterCount> Letters, char? Letter, string? Query, IReadOnlyList<IndexEntry> Authors);

public sealed record IndexLetterCount(char Letter, bool HasEntries);

/// <summary>An author or category in an index: name, slug, page, and how many publications are published.</summary>
public sealed record IndexEntry(string Name, string Slug, string Url, int Count);

public sealed class ListAuthorsHandler(IPortalDbContext db, TimeProvider clock) : IQueryHandler<ListAuthors, AuthorIndex>
{
    public async ValueTask<AuthorIndex> Handle(ListAuthors query, CancellationToken cancellationToken)
    {
        var visible = db.Publications.AsNoTracking().WhereVisible(clock.GetUtcNow().UtcDateTime);
        var counts = await visible.SelectMany(p => p.Authors).GroupBy(a => a.AuthorId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var everyone = (await db.Authors.AsNoTracking().Select(a => new { a.Id, a.Name, a.Slug }).ToListAsync(cancellationToken))
            .Where(a => counts.ContainsKey(a.Id))
            .Select(a => new IndexEntry(a.Name, a.Slug, PortalUrls.Author(a.Slug), counts[a.Id]))
            .OrderBy(a => IndexLetter.Fold(a.Name), StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Slug, StringComparer.Ordinal)
            .ToList();

        var filled = everyone.Select(a => IndexLetter.Of(a.Name)).OfType<char>().ToHashSet();
        var letters = IndexLetter.All.Select(l => new IndexLetterCount(l, filled.Contains(l))).ToList();
        var letter = string.IsNullOrWhiteSpace(query.Letter) ? null : IndexLetter.Parse(query.Letter);
        var words = string.IsNullOrWhiteSpace(query.Query) ? null : query.Query.Trim();
        var shown = everyone
            .Where(a => letter is null || IndexLetter.Of(a.Name) == letter)
            .Where(a => words is null || IndexLetter.Fold(a.Name).Contains(IndexLetter.Fold(words), StringComparison.OrdinalIgnoreCase))
            .ToList();
        return new AuthorIndex(letters, letter, words, shown);
    }
}

/// <summary>Letters of the A–Z indexes: a name's filing letter, and a reader's <c>?letter=</c>, accents set aside.</summary>
public static class IndexLetter
{
    public static readonly IReadOnlyList<char> All = Enumerable.Range('A', 26).Select(c => (char)c).ToList();

    /// <summary>The letter a name files under (É under E); null when it does not begin with a letter from A to Z.</summary>
    public static char? Of(string name)
    {
        var folded = Fold(name.TrimStart());
        return folded.Length > 0 && char.ToUpperInvariant(folded[0]) is var c && c is >= 'A' and <= 'Z' ? c : null;
    }

    /// <summary>The letter a reader asked for: exactly one letter, A to Z in either case or with an accent; else null.</summary>
    public static char? Parse(string letter)
    {
        var folded = Fold(letter.Trim());
        return folded.Length == 1 ? Of(folded) : null;
    }

    /// <summary>The text with its accents taken off ("Émile" → "Emile").</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }
}
