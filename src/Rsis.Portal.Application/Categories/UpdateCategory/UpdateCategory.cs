using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Editing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Redirects;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Categories.UpdateCategory;

/// <summary>
/// Saves the admin form over a category. Refused, with the typed values kept, when someone else saved it after
/// <see cref="ConcurrencyToken"/> was read. A new slug leaves a 301 from the old address.
/// </summary>
public sealed record UpdateCategory : ICommand<bool>, ICategoryFields, IChangesPublicPages
{
    public int Id { get; init; }
    public Guid ConcurrencyToken { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";

    /// <summary>Articles list their categories; the category page and the search filters name it.</summary>
    // Site too: a menu entry may link to the category's address, which a new slug changes.
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class UpdateCategoryValidator : CategoryFieldsValidator<UpdateCategory>
{
    public UpdateCategoryValidator(IPortalDbContext db) : base(db)
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty().WithMessage(EditedItems.LostTokenMessage);
    }

    protected override int EditedId(UpdateCategory command) => command.Id;
}

public sealed class UpdateCategoryHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<UpdateCategory, bool>
{
    public const string What = "this category";

    public async ValueTask<bool> Handle(UpdateCategory command, CancellationToken cancellationToken)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken);
        if (category is null)
        {
            throw EditConflict.Gone(What);
        }

        if (category.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw await EditedItems.ConflictAsync(db, What, nameof(Category), category.Id, category.ConcurrencyToken, cancellationToken);
        }

        var changes = CategoryWriting.Apply(category, command);
        if (changes.IsEmpty)
        {
            return true;
        }

        await MovedAddresses.RecordAsync(db, changes, EditedItems.SlugField, PortalUrls.Category, clock.GetUtcNow().UtcDateTime, cancellationToken);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Category), category.Id.ToString(CultureInfo.InvariantCulture), category.Name,
            AuditAction.Updated, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        await EditedItems.SaveEditAsync(db, What, nameof(Category), command.Id,
            db.Categories.AsNoTracking().Where(c => c.Id == command.Id).Select(c => c.ConcurrencyToken), cancellationToken);

        return true;
    }
}
