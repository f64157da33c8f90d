using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Editing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Publications.DeletePublication;

/// <summary>
/// Deletes a publication with its PDFs and old addresses; its page then answers 404. Refused when someone
/// changed it after the confirmation page was opened, so nobody deletes what they have not seen.
/// </summary>
public sealed record DeletePublication(int Id, Guid ConcurrencyToken) : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class DeletePublicationValidator : AbstractValidator<DeletePublication>
{
    public DeletePublicationValidator()
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty()
            .WithMessage("This form has lost track of which version it deletes. Reload the page and try again.");
    }
}

public sealed class DeletePublicationHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<DeletePublication, bool>
{
    public async ValueTask<bool> Handle(DeletePublication command, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
        if (publication is null)
        {
            return false;
        }

        if (publication.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw EditConflict.For("this publication", publication.UpdatedBy, publication.UpdatedAtUtc, publication.ConcurrencyToken);
        }

        var changes = new ChangeList();
        changes.Value("Title", publication.Title, null);
        db.Publications.Remove(publication);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Publication), publication.Id.ToString(CultureInfo.InvariantCulture), publication.Code,
            AuditAction.Deleted, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EditConflict.Gone("this publication");
        }

        return true;
    }
}
