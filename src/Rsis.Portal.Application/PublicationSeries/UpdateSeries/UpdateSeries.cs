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

namespace Rsis.Portal.Application.PublicationSeries.UpdateSeries;

/// <summary>
/// Saves the admin form over a series. Refused, with the typed values kept, when someone else saved it after
/// <see cref="ConcurrencyToken"/> was read. A new slug leaves a 301 from the old listing address.
/// </summary>
public sealed record UpdateSeries : ICommand<bool>, ISeriesFields, IChangesPublicPages
{
    public int Id { get; init; }
    public Guid ConcurrencyToken { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string CodePrefix { get; init; } = "";
    public SeriesGroup Group { get; init; }
    public string Description { get; init; } = "";
    public int? SortOrder { get; init; }

    /// <summary>Articles and listings name the series; the menu and sidebar on every page list it.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class UpdateSeriesValidator : SeriesFieldsValidator<UpdateSeries>
{
    public UpdateSeriesValidator(IPortalDbContext db) : base(db)
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty().WithMessage(EditedItems.LostTokenMessage);
    }

    protected override int EditedId(UpdateSeries command) => command.Id;
}

public sealed class UpdateSeriesHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<UpdateSeries, bool>
{
    public const string What = "this series";

    public async ValueTask<bool> Handle(UpdateSeries command, CancellationToken cancellationToken)
    {
        var series = await db.Series.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken);
        if (series is null)
        {
            throw EditConflict.Gone(What);
        }

        if (series.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw await EditedItems.ConflictAsync(db, What, nameof(Series), series.Id, series.ConcurrencyToken, cancellationToken);
        }

        var changes = SeriesWriting.Apply(series, command, isNew: false);
        if (changes.IsEmpty)
        {
            return true;
        }

        await MovedAddresses.RecordAsync(db, changes, EditedItems.SlugField, PortalUrls.Series, clock.GetUtcNow().UtcDateTime, cancellationToken);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Series), series.Id.ToString(CultureInfo.InvariantCulture), series.Name,
            AuditAction.Updated, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        await EditedItems.SaveEditAsync(db, What, nameof(Series), command.Id,
            db.Series.AsNoTracking().Where(s => s.Id == command.Id).Select(s => s.ConcurrencyToken), cancellationToken);

        return true;
    }
}
