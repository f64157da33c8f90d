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

namespace Rsis.Portal.Application.Pages.DeletePage;

/// <summary>
/// Deletes a content page no menu entry opens; its address then answers 404. Refused, naming the menu entry, while
/// the menu links to it (readers would find a dead end), and when someone changed it after the page was opened.
/// </summary>
public sealed record DeletePage(int Id, Guid ConcurrencyToken) : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Pages, Common.Caching.CacheTags.Site];
}

public sealed class DeletePageValidator : AbstractValidator<DeletePage>
{
    public DeletePageValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty()
            .WithMessage("This form has lost track of which version it deletes. Reload the page and try again.");
        RuleFor(c => c.Id).CustomAsync(async (id, context, cancellationToken) =>
        {
            var entries = await db.MenuItems.AsNoTracking()
                .Where(m => m.TargetKind == MenuTargetKind.Page && m.PageId == id)
                .OrderBy(m => m.Title).Select(m => m.Title).ToListAsync(cancellationToken);
            if (entries.Count > 0)
            {
                context.AddFailure("", InUse.MenuMessage(entries, "this page"));
            }
        });
    }
}

public sealed class DeletePageHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<DeletePage, bool>
{
    public async ValueTask<bool> Handle(DeletePage command, CancellationToken cancellationToken)
    {
        var page = await db.Pages.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
        if (page is null)
        {
            return false;
        }

        if (page.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw await EditedItems.ConflictAsync(db, "this page", nameof(Page), page.Id, page.ConcurrencyToken, cancellationToken);
        }

        var changes = new ChangeList();
        changes.Value("Title", page.Title, null);
        changes.Value(EditedItems.SlugField, page.Slug, null);
        db.Pages.Remove(page);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Page), page.Id.ToString(CultureInfo.InvariantCulture), page.Title,
            AuditAction.Deleted, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EditConflict.Gone("this page");
        }

        return true;
    }
}
