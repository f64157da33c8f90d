using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Editing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Publications.UpdatePublication;

/// <summary>
/// Saves the admin form over a publication. Refused, with the typed values kept, when someone else saved it
/// after <see cref="ConcurrencyToken"/> was read. A new title leaves a 301 from the old address.
/// </summary>
public sealed record UpdatePublication : ICommand<bool>, IPublicationFields, IChangesPublicPages
{
    public int Id { get; init; }

    /// <summary>The token the form was opened with.</summary>
    public Guid ConcurrencyToken { get; init; }
    public int SeriesId { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public IReadOnlyList<int> AuthorIds { get; init; } = [];
    public IReadOnlyList<int> CategoryIds { get; init; } = [];
    public DateOnly? PublishedOn { get; init; }
    public PublicationStatus Status { get; init; }
    public DateTime? PublishAtUtc { get; init; }
    public string Synopsis { get; init; } = "";
    public string Body { get; init; } = "";
    public string AboutTheAuthors { get; init; } = "";

    /// <summary>A public correction note, shown to readers under the byline; empty for a silent fix. See <see cref="PublicationCorrections"/>.</summary>
    public string CorrectionNote { get; init; } = "";

    /// <summary>Listings and the article; and every page, since the menu may link to the publication by its address.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class UpdatePublicationValidator : PublicationFieldsValidator<UpdatePublication>
{
    public UpdatePublicationValidator(IPortalDbContext db) : base(db)
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty()
            .WithMessage("This form has lost track of which version it edits. Reload the page and make the change again.");
    }

    protected override int EditedId(UpdatePublication command) => command.Id;
}

public sealed class UpdatePublicationHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<UpdatePublication, bool>
{
    public const string What = "this publication";

    public async ValueTask<bool> Handle(UpdatePublication command, CancellationToken cancellationToken)
    {
        var publication = await db.Publications
            .Include(p => p.Series)
            .Include(p => p.Authors).ThenInclude(a => a.Author)
            .Include(p => p.Categories).ThenInclude(c => c.Category)
            .SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
        if (publication is null)
        {
            throw EditConflict.Gone(What);
        }

        // Compared here, and again by the database in the UPDATE (the token read now is the one the form had),
        // so a save that slips in between is caught below.
        if (publication.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw EditConflict.For(What, publication.UpdatedBy, publication.UpdatedAtUtc, publication.ConcurrencyToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var oldAddress = PortalUrls.Publication(publication.Series.Slug, publication.Slug);
        var changes = await PublicationWriting.ApplyAsync(db, publication, command, cancellationToken);
        PublicationCorrections.Add(db, publication, command.CorrectionNote, now, changes);
        if (changes.IsEmpty)
        {
            return true;
        }

        await PublicationWriting.KeepOldAddressAsync(db, publication, oldAddress, now, cancellationToken);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Publication), publication.Id.ToString(CultureInfo.InvariantCulture), publication.Code,
            AuditAction.Updated, currentUser.Name, now));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Publications.AsNoTracking()
                .Where(p => p.Id == command.Id)
                .Select(p => new { p.UpdatedBy, p.UpdatedAtUtc, p.ConcurrencyToken })
                .SingleOrDefaultAsync(cancellationToken);
            throw current is null
                ? EditConflict.Gone(What)
                : EditConflict.For(What, current.UpdatedBy, current.UpdatedAtUtc, current.ConcurrencyToken);
        }

        return true;
    }
}
