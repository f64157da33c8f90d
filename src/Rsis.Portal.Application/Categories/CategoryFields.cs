using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Editing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Categories;

/// <summary>What staff fill in for a category, shared by creating and updating one.</summary>
public interface ICategoryFields
{
    string Name { get; }

    /// <summary>The address segment, <c>/categories/{slug}</c>; made from the name when left empty.</summary>
    string Slug { get; }
}

/// <summary>The rules of <see cref="ICategoryFields"/>; messages are written for the person at the form.</summary>
public abstract class CategoryFieldsValidator<T> : AbstractValidator<T> where T : ICategoryFields
{
    protected CategoryFieldsValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the category’s name.")
            .MaximumLength(200).WithMessage("A name can be at most 200 characters.");

        RuleFor(c => c.Slug).Cascade(CascadeMode.Stop)
            .MaximumLength(200).WithMessage("An address can be at most 200 characters.")
            .Must((c, _) => EditedItems.SlugOrFrom(c.Slug, c.Name).Length > 0)
            .WithMessage("Enter an address with letters or digits, such as maritime-security.")
            .MustAsync(async (c, _, cancellationToken) =>
            {
                var slug = EditedItems.SlugOrFrom(c.Slug, c.Name);
                var id = EditedId(c);
                return !await db.Categories.AnyAsync(x => x.Slug == slug && x.Id != id, cancellationToken);
            })
            .WithMessage(c => $"Another category already has the address /categories/{EditedItems.SlugOrFrom(c.Slug, c.Name)}. Choose another.")
            .When(c => !string.IsNullOrWhiteSpace(c.Name) && c.Name.Length <= 200);
    }

    /// <summary>The category being edited, left out of the uniqueness check; 0 when creating one.</summary>
    protected virtual int EditedId(T command) => 0;
}

/// <summary>Writing <see cref="ICategoryFields"/> onto a category, noting each change for the audit log.</summary>
public static class CategoryWriting
{
    public static ChangeList Apply(Category category, ICategoryFields fields)
    {
        var name = fields.Name.Trim();
        var slug = EditedItems.SlugOrFrom(fields.Slug, fields.Name);
        var changes = new ChangeList();
        changes.Value("Name", category.Name, name);
        changes.Value(EditedItems.SlugField, category.Slug, slug);
        category.Name = name;
        category.Slug = slug;
        return changes;
    }
}
