namespace Rsis.Portal.Application.Authors.GetAuthorForEditing;

/// <summary>An author as the admin edit and delete pages show them: fields, token, publications and history.</summary>
public sealed record GetAuthorForEditing(int Id) : IQuery<AuthorForEditing?>;

public sealed record AuthorForEditing(int Id, Guid ConcurrencyToken, AuthorFields Fields, AuthorFacts Facts) : IForEditing<AuthorFields, AuthorFacts>
{
    public string Label => Fields.Name;
}

/// <summary>What the pages say beside the form: the public address and the publications that name the author.</summary>
public sealed record AuthorFacts(
    int Id,
    string Name,
    string Url,
    int PublicationCount,
    IReadOnlyList<UsedBy> Publications,
    IReadOnlyList<ItemHistoryEntry> History)
{
    public bool IsInUse => PublicationCount > 0;
}

public sealed class GetAuthorForEditingHandler(IPortalDbContext db) : IQueryHandler<GetAuthorForEditing, AuthorForEditing?>
{
    public async ValueTask<AuthorForEditing?> Handle(GetAuthorForEditing query, CancellationToken cancellationToken)
    {
        var a = await db.Authors.AsNoTracking()
            .Where(a => a.Id == query.Id)
            .Select(a => new { a.Id, a.ConcurrencyToken, Author = a, Count = a.Publications.Count })
            .SingleOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return null;
        }

        var publications = await db.PublicationAuthors.AsNoTracking()
            .Where(pa => pa.AuthorId == a.Id)
            .OrderByDescending(pa => pa.Publication.PublishedOn).ThenByDescending(pa => pa.Publication.Code)
            .Take(UsedBy.Listed)
            .Select(pa => new UsedBy(pa.PublicationId, pa.Publication.Code, pa.Publication.Title))
            .ToListAsync(cancellationToken);
        var facts = new AuthorFacts(a.Id, a.Author.Name, PortalUrls.Author(a.Author.Slug), a.Count, publications,
            await EditedItems.HistoryAsync(db, nameof(Author), a.Id, cancellationToken));
        return new AuthorForEditing(a.Id, a.ConcurrencyToken, AuthorKind.Instance.FieldsOf(a.Author), facts);
    }
}
