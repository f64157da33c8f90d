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

namespace Rsis.Portal.Application.PublicationSeries.DeleteSeries;

/// <summary>
/// Deletes a series with no publications that no menu entry opens; its listing then answers 404. Refused, saying
/// why, while publications belong to it or the menu links to it.
/// </summary>
public sealed record DeleteSeries(int Id, Guid ConcurrencyToken) : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class DeleteSeriesValidator : AbstractValidator<DeleteSeries>
{
    public DeleteSeriesValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty()
            .WithMessage("This form has lost track of which version it deletes. Reload the page and try again.");
        RuleFor(c => c.Id).CustomAsync(async (id, context, cancellationToken) =>
        {
            var series = await db.Series.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new { s.Name, Codes = s.Publications.OrderBy(p => p.Code).Select(p => p.Code).ToList() })
                .SingleOrDefaultAsync(cancellationToken);
            if (series is null)
            {
                return;
            }

            if (series.Codes.Count > 0)
            {
                context.AddFailure("", InUse.Message($"{series.Name} has", series.Codes, "move them to another series or delete"));
            }

            var entries = await db.MenuItems.AsNoTracking()
                .Where(m => m.TargetKind == MenuTargetKind.Series && m.SeriesId == id)
                .OrderBy(m => m.Title).Select(m => m.Title).ToListAsync(cancellationToken);
            if (entries.Count > 0)
            {
                context.AddFailure("", InUse.MenuMessage(entries, "this series"));
            }
        });
    }
}

public sealed class DeleteSeriesHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<DeleteSeries, bool>
{
    public async ValueTask<bool> Handle(DeleteSeries command, CancellationToken cancellationToken)
    {
        var series = await db.Series.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken);
        if (series is null)
        {
            return false;
        }

        if (series.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw await EditedItems.ConflictAsync(db, "this series", nameof(Series), series.Id, series.ConcurrencyToken, cancellationToken);
        }

        var changes = new ChangeList();
        changes.Value("Name", series.Name, null);
        changes.Value(EditedItems.SlugField, series.Slug, null);
        db.Series.Remove(series);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Series), series.Id.ToString(CultureInfo.InvariantCulture), series.Name,
            AuditAction.Deleted, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EditConflict.Gone("this series");
        }
        catch (DbUpdateException)
        {
            // A publication was put in the series between the check and the delete; the foreign key refused it.
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("",
                $"A publication has just been added to {series.Name}; move it to another series first.")]);
        }

        return true;
    }
}
