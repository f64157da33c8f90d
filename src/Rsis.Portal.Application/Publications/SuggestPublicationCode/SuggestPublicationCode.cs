namespace Rsis.Portal.Application.Publications.SuggestPublicationCode;

/// <summary>
/// The next free code of a series for a year, as RSIS numbers them: prefix, two-digit year, three-digit
/// number ("CO13046" is the 46th commentary of 2013). Null when the series has no code prefix.
/// </summary>
public sealed record SuggestPublicationCode(int SeriesId, int Year) : IQuery<string?>;

public sealed class SuggestPublicationCodeValidator : AbstractValidator<SuggestPublicationCode>
{
    public SuggestPublicationCodeValidator()
    {
        RuleFor(q => q.SeriesId).GreaterThan(0).WithMessage("Choose a series.");
        RuleFor(q => q.Year).InclusiveBetween(1900, 2100).WithMessage("Choose a year between 1900 and 2100.");
    }
}

public sealed class SuggestPublicationCodeHandler(IPortalDbContext db) : IQueryHandler<SuggestPublicationCode, string?>
{
    public async ValueTask<string?> Handle(SuggestPublicationCode query, CancellationToken cancellationToken)
    {
        var prefix = await db.Series.AsNoTracking()
            .Where(s => s.Id == query.SeriesId)
            .Select(s => s.CodePrefix)
            .SingleOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(prefix))
        {
            return null;
        }

        var stem = prefix.Trim().ToUpperInvariant() + (query.Year % 100).ToString("D2", CultureInfo.InvariantCulture);
        // Codes in the Trash are taken too: the publication may come back.
        var taken = await db.Publications.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Code.StartsWith(stem))
            .Select(p => p.Code)
            .ToListAsync(cancellationToken);
        var highest = taken
            .Select(code => int.TryParse(code.AsSpan(stem.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return stem + (highest + 1).ToString("D3", CultureInfo.InvariantCulture);
    }
}
