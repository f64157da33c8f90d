namespace Rsis.Portal.Application.Authors.ListAuthorsForEditing;

/// <summary>The admin list of authors: searched by name or short title, A to Z, <see cref="PageSize"/> a page.</summary>
public sealed record ListAuthorsForEditing(string? Q, int? Page) : IQuery<AuthorsForEditing>
{
    public const int PageSize = 50;
}

public sealed class ListAuthorsForEditingValidator : AbstractValidator<ListAuthorsForEditing>
{
    public ListAuthorsForEditingValidator() =>
        RuleFor(q => q.Q).MaximumLength(200).WithMessage("Search for at most 200 characters.");
}

public sealed record AuthorsForEditing(IReadOnlyList<AuthorRow> Items, Paging Paging);

public sealed record AuthorRow(int Id, string Name, string Slug, string ShortTitle, int PublicationCount);

public sealed class ListAuthorsForEditingHandler(IPortalDbContext db) : IQueryHandler<ListAuthorsForEditing, AuthorsForEditing>
{
    public async ValueTask<AuthorsForEditing> Handle(ListAuthorsForEditing query, CancellationToken cancellationToken)
    {
        var authors = db.Authors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // LIKE, not Contains: SQLite's instr() would make the search case-sensitive.
            var pattern = LikePattern.Containing(query.Q);
            authors = authors.Where(a => EF.Functions.Like(a.Name, pattern, LikePattern.Escape)
                || EF.Functions.Like(a.ShortTitle, pattern, LikePattern.Escape));
        }

        var total = await authors.CountAsync(cancellationToken);
        var paging = Paging.Clamp(query.Page, ListAuthorsForEditing.PageSize, total);
        var items = await authors
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(a => new AuthorRow(a.Id, a.Name, a.Slug, a.ShortTitle, a.Publications.Count))
            .ToListAsync(cancellationToken);
        return new AuthorsForEditing(items, paging);
    }
}
