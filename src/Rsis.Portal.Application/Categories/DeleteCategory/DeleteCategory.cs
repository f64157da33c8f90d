using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Editing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Navigation;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Categories.DeleteCategory;

/// <summary>
/// Deletes a category; its page then answers 404. A category is a label, not part of what a publication says, so
/// one still in use is taken off its publications in the same save (the confirmation page lists them) and each
/// publication's history records it. Refused while a menu entry opens it (readers would find a dead end), naming
/// the entry, and when someone changed the category after the page was opened.
/// </summary>
public sealed record DeleteCategory(int Id, Guid ConcurrencyToken) : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class DeleteCategoryValidator : AbstractValidator<DeleteCategory>
{
    public DeleteCategoryValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty()
            .WithMessage("This form has lost track of which version it deletes. Reload the page and try again.");
        RuleFor(c => c.Id).CustomAsync((id, context, cancellationToken) => InUse.RefuseIfMenuOpensAsync(
            context, db.MenuItems.Where(m => m.TargetKind == MenuTargetKind.Category && m.CategoryId == id), "this category", cancellationToken));
    }
}

public sealed class DeleteCategoryHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<DeleteCategory, bool>
{
    public async ValueTask<bool> Handle(DeleteCategory command, CancellationToken cancellationToken)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken);
        if (category is null)
        {
            return false;
        }

        if (category.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw await EditedItems.ConflictAsync(db, "this category", nameof(Category), category.Id, category.ConcurrencyToken, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var links = await db.PublicationCategories
            .Where(pc => pc.CategoryId == category.Id)
            .Include(pc => pc.Publication).ThenInclude(p => p.Categories).ThenInclude(c => c.Category)
            .ToListAsync(cancellationToken);
        foreach (var publication in links.Select(l => l.Publication))
        {
            var before = publication.Categories.Select(c => c.Category.Name).Order(StringComparer.Ordinal).ToList();
            var publicationChanges = new ChangeList();
            publicationChanges.Value("Categories", string.Join(", ", before), string.Join(", ", before.Where(n => n != category.Name)));
            db.AuditEntries.Add(publicationChanges.ToEntry(
                nameof(Publication), publication.Id.ToString(CultureInfo.InvariantCulture), publication.Code,
                AuditAction.Updated, currentUser.Name, now));
        }

        var changes = new ChangeList();
        changes.Value("Name", category.Name, null);
        changes.Value(EditedItems.SlugField, category.Slug, null);
        changes.Value("Taken off", null, string.Join(", ", links.Select(l => l.Publication.Code).Order(StringComparer.Ordinal)));
        db.PublicationCategories.RemoveRange(links);
        db.Categories.Remove(category);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Category), category.Id.ToString(CultureInfo.InvariantCulture), category.Name,
            AuditAction.Deleted, currentUser.Name, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EditConflict.Gone("this category");
        }
        catch (DbUpdateException)
        {
            // A publication was put in the category between the reading above and the delete.
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("",
                $"{category.Name} has just been added to another publication. Open this page again and confirm.")]);
        }

        return true;
    }
}
