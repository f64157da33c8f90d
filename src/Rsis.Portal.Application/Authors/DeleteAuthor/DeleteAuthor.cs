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

namespace Rsis.Portal.Application.Authors.DeleteAuthor;

/// <summary>
/// Deletes an author no publication names; their page then answers 404. An author still in a byline is refused
/// with the publications to change first, one the menu opens with the menu entries, and a confirmation page opened
/// before someone else's save is refused too.
/// </summary>
public sealed record DeleteAuthor(int Id, Guid ConcurrencyToken) : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class DeleteAuthorValidator : AbstractValidator<DeleteAuthor>
{
    public DeleteAuthorValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty()
            .WithMessage("This form has lost track of which version it deletes. Reload the page and try again.");
        RuleFor(c => c.Id).CustomAsync(async (id, context, cancellationToken) =>
        {
            var author = await db.Authors.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.Name, Codes = a.Publications.OrderBy(p => p.Publication.Code).Select(p => p.Publication.Code).ToList() })
                .SingleOrDefaultAsync(cancellationToken);
            if (author is { Codes.Count: > 0 })
            {
                context.AddFailure("", InUse.Message($"{author.Name} is the author of", author.Codes, "remove them from"));
            }

            await InUse.RefuseIfMenuOpensAsync(context, db.MenuItems.Where(m => m.TargetKind == MenuTargetKind.Author && m.AuthorId == id), "this author", cancellationToken);
        });
    }
}

public sealed class DeleteAuthorHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<DeleteAuthor, bool>
{
    public async ValueTask<bool> Handle(DeleteAuthor command, CancellationToken cancellationToken)
    {
        var author = await db.Authors.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken);
        if (author is null)
        {
            return false;
        }

        if (author.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw await EditedItems.ConflictAsync(db, "this author", nameof(Author), author.Id, author.ConcurrencyToken, cancellationToken);
        }

        var changes = new ChangeList();
        changes.Value("Name", author.Name, null);
        changes.Value(EditedItems.SlugField, author.Slug, null);
        db.Authors.Remove(author);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Author), author.Id.ToString(CultureInfo.InvariantCulture), author.Name,
            AuditAction.Deleted, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EditConflict.Gone("this author");
        }
        catch (DbUpdateException)
        {
            // A publication named the author between the check and the delete; the foreign key refused it.
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("",
                $"{author.Name} has just been added to a publication; remove them from it first.")]);
        }

        return true;
    }
}
