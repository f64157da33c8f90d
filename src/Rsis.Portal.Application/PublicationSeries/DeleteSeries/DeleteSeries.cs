namespace Rsis.Portal.Application.PublicationSeries.DeleteSeries;

/// <summary>
/// Deletes a series with no publications that no menu entry opens; its listing then answers 404. Refused, saying
/// why, while publications belong to it or the menu links to it.
/// </summary>
public sealed record DeleteSeries(int Id, Guid ConcurrencyToken) : IDeletes, ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class DeleteSeriesValidator : AbstractValidator<DeleteSeries>
{
    public DeleteSeriesValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Id).CustomAsync(async (id, context, cancellationToken) =>
        {
            var name = await db.Series.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
            if (name is null)
            {
                return;
            }

            var publications = await InUse.PublicationsAsync(db.Publications.Where(p => p.SeriesId == id), cancellationToken);
            if (publications.Any)
            {
                context.AddFailure("", publications.Message($"{name} has", "move them to another series or delete"));
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

public sealed class DeleteSeriesHandler(ItemEditor editor) : ICommandHandler<DeleteSeries, bool>
{
    public async ValueTask<bool> Handle(DeleteSeries command, CancellationToken cancellationToken) =>
        await editor.DeleteAsync(SeriesKind.Instance, command, cancellationToken);
}
