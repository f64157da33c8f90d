using System.Globalization;
using Mediator;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Categories.CreateCategory;

/// <summary>A new category from the admin form; answers its id. Publications can be put in it from their editor.</summary>
public sealed record CreateCategory : ICommand<int>, ICategoryFields, IChangesPublicPages
{
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";

    /// <summary>The search page's category filter lists every category.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications];
}

public sealed class CreateCategoryValidator(IPortalDbContext db) : CategoryFieldsValidator<CreateCategory>(db);

public sealed class CreateCategoryHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<CreateCategory, int>
{
    public async ValueTask<int> Handle(CreateCategory command, CancellationToken cancellationToken)
    {
        var category = new Category { Name = "", Slug = "" };
        var changes = CategoryWriting.Apply(category, command);
        db.Categories.Add(category);
        await AuditedSave.SaveNewAsync(db, () => changes.ToEntry(
            nameof(Category), category.Id.ToString(CultureInfo.InvariantCulture), category.Name,
            AuditAction.Created, currentUser.Name, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return category.Id;
    }
}
