namespace Rsis.Portal.Application.Authors.CreateAuthor;

/// <summary>A new author from the admin form; answers its id. Their page exists at once, with no publications yet.</summary>
public sealed record CreateAuthor : AuthorFields, ICommand<int>, IChangesPublicPages
{
    public CreateAuthor(AuthorFields fields) : base(fields)
    {
    }

    /// <summary>The search page's author filter lists every author.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications];
}

public sealed class CreateAuthorValidator(IPortalDbContext db) : AuthorFieldsValidator<CreateAuthor>(db);

public sealed class CreateAuthorHandler(ItemEditor editor) : ICommandHandler<CreateAuthor, int>
{
    public async ValueTask<int> Handle(CreateAuthor command, CancellationToken cancellationToken) =>
        await editor.CreateAsync(AuthorKind.Instance, new Author { Name = "", Slug = "" }, command, cancellationToken);
}
