using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Editing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Authors;

/// <summary>What staff fill in for an author, shared by creating and updating one.</summary>
public interface IAuthorFields
{
    string Name { get; }

    /// <summary>The address segment, <c>/authors/{slug}</c>; made from the name when left empty.</summary>
    string Slug { get; }
    string ShortTitle { get; }

    /// <summary>Markdown, shown sanitized on the author's page.</summary>
    string Biography { get; }
}

/// <summary>The rules of <see cref="IAuthorFields"/>; messages are written for the person at the form.</summary>
public abstract class AuthorFieldsValidator<T> : AbstractValidator<T> where T : IAuthorFields
{
    protected AuthorFieldsValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the author’s name.")
            .MaximumLength(200).WithMessage("A name can be at most 200 characters.");
        RuleFor(c => c.ShortTitle).MaximumLength(400).WithMessage("A short title can be at most 400 characters.");
        RuleFor(c => c.Biography).MaximumLength(AuthorWriting.MaxBiographyLength)
            .WithMessage($"A biography can be at most {AuthorWriting.MaxBiographyLength:N0} characters.");

        RuleFor(c => c.Slug).Cascade(CascadeMode.Stop)
            .MaximumLength(200).WithMessage("An address can be at most 200 characters.")
            .Must((c, _) => EditedItems.SlugOrFrom(c.Slug, c.Name).Length > 0)
            .WithMessage("Enter an address with letters or digits, such as c-raja-mohan.")
            .MustAsync(async (c, _, cancellationToken) =>
            {
                var slug = EditedItems.SlugOrFrom(c.Slug, c.Name);
                var id = EditedId(c);
                return !await db.Authors.AnyAsync(a => a.Slug == slug && a.Id != id, cancellationToken);
            })
            .WithMessage(c => $"Another author already has the address /authors/{EditedItems.SlugOrFrom(c.Slug, c.Name)}. Choose another.")
            .When(c => !string.IsNullOrWhiteSpace(c.Name) && c.Name.Length <= 200);
    }

    /// <summary>The author being edited, left out of the uniqueness check; 0 when creating one.</summary>
    protected virtual int EditedId(T command) => 0;
}

/// <summary>Writing <see cref="IAuthorFields"/> onto an author, noting each change for the audit log.</summary>
public static class AuthorWriting
{
    public const int MaxBiographyLength = 20_000;

    public static ChangeList Apply(Author author, IAuthorFields fields)
    {
        var name = fields.Name.Trim();
        var slug = EditedItems.SlugOrFrom(fields.Slug, fields.Name);
        var shortTitle = fields.ShortTitle.Trim();
        var biography = fields.Biography.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

        var changes = new ChangeList();
        changes.Value("Name", author.Name, name);
        changes.Value(EditedItems.SlugField, author.Slug, slug);
        changes.Value("Short title", author.ShortTitle, shortTitle);
        changes.Text("Biography", author.Biography, biography);

        author.Name = name;
        author.Slug = slug;
        author.ShortTitle = shortTitle;
        author.Biography = biography;
        return changes;
    }
}
