using System.Globalization;
using Mediator;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Authors.CreateAuthor;

/// <summary>A new author from the admin form; answers its id. Their page exists at once, with no publications yet.</summary>
public sealed record CreateAuthor : ICommand<int>, IAuthorFields, IChangesPublicPages
{
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string ShortTitle { get; init; } = "";
    public string Biography { get; init; } = "";

    /// <summary>The search page's author filter lists every author.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications];
}

public sealed class CreateAuthorValidator(IPortalDbContext db) : AuthorFieldsValidator<CreateAuthor>(db);

public sealed class CreateAuthorHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<CreateAuthor, int>
{
    public async ValueTask<int> Handle(CreateAuthor command, CancellationToken cancellationToken)
    {
        var author = new Author { Name = "", Slug = "" };
        var changes = AuthorWriting.Apply(author, command);
        db.Authors.Add(author);
        await AuditedSave.SaveNewAsync(db, () => changes.ToEntry(
            nameof(Author), author.Id.ToString(CultureInfo.InvariantCulture), author.Name,
            AuditAction.Created, currentUser.Name, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return author.Id;
    }
}
