namespace Rsis.Portal.Application.History.CompareVersions;

/// <summary>
/// Two versions of an item side by side: each field in both, and long texts word by word. Null when there is no
/// such item; refused, saying why, when the two numbers are the same or one is not a version of it.
/// </summary>
public sealed record CompareVersions(string EntityType, int Id, int From, int To) : IQuery<VersionComparison?>;

public sealed record VersionComparison(EditedItemHeading Item, VersionSide From, VersionSide To, IReadOnlyList<FieldComparison> Fields)
{
    public int ChangedCount => Fields.Count(f => f.Changed);
}

public sealed record VersionSide(int Number, DateTime AtUtc, string By, string Summary);

/// <summary>A field in the older and the newer version; <see cref="Words"/> is set for long texts that differ.</summary>
public sealed record FieldComparison(string Label, string From, string To, IReadOnlyList<DiffPiece>? Words)
{
    public bool Changed => !string.Equals(From, To, StringComparison.Ordinal);
}

public sealed class CompareVersionsValidator : AbstractValidator<CompareVersions>
{
    public CompareVersionsValidator()
    {
        RuleFor(q => q.From).GreaterThan(0).WithMessage("Choose the version to compare from, such as 1.");
        RuleFor(q => q.To).GreaterThan(0).WithMessage("Choose the version to compare with, such as 2.");
        RuleFor(q => q.To).NotEqual(q => q.From).WithMessage("Choose two different versions to compare.");
    }
}

public sealed class CompareVersionsHandler(IPortalDbContext db, IEnumerable<IEditableKind> kinds) : IQueryHandler<CompareVersions, VersionComparison?>
{
    public async ValueTask<VersionComparison?> Handle(CompareVersions query, CancellationToken cancellationToken)
    {
        if (kinds.FirstOrDefault(k => k.EntityType == query.EntityType) is not { } kind
            || await kind.FindAsync(db, query.Id, cancellationToken) is not { } item)
        {
            return null;
        }

        // Older on the left whichever way round they were asked for.
        var (older, newer) = query.From < query.To ? (query.From, query.To) : (query.To, query.From);
        var versions = await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == kind.EntityType && r.EntityId == item.Id && (r.Number == older || r.Number == newer))
            .ToDictionaryAsync(r => r.Number, cancellationToken);
        var missing = new[] { older, newer }.Where(n => !versions.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            var latest = await db.Revisions.Where(r => r.EntityType == kind.EntityType && r.EntityId == item.Id)
                .Select(r => (int?)r.Number).MaxAsync(cancellationToken) ?? 0;
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(CompareVersions.From),
                latest == 0
                    ? $"{Capitalised(kind.What)} has no earlier versions yet."
                    : FormattableString.Invariant($"There is no version {missing[0]}; {kind.What} has versions 1 to {latest}."))]);
        }

        var from = await kind.DescribeAsync(db, versions[older].Snapshot, cancellationToken);
        var to = await kind.DescribeAsync(db, versions[newer].Snapshot, cancellationToken);
        var fields = from.Zip(to, (a, b) => new FieldComparison(a.Label, a.Value, b.Value,
            a.IsLongText && !string.Equals(a.Value, b.Value, StringComparison.Ordinal) ? WordDiff.Between(a.Value, b.Value) : null)).ToList();
        return new VersionComparison(item, Side(versions[older]), Side(versions[newer]), fields);
    }

    private static VersionSide Side(Domain.Editing.Revision r) => new(r.Number, r.AtUtc, r.By, r.Summary);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
