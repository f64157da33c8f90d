using System.Globalization;
using Mediator;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Publications.CreatePublication;

/// <summary>A new publication from the admin form; answers its id. A draft stays off the public site.</summary>
public sealed record CreatePublication : ICommand<int>, IPublicationFields, IChangesPublicPages
{
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

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications];
}

public sealed class CreatePublicationValidator(IPortalDbContext db) : PublicationFieldsValidator<CreatePublication>(db);

public sealed class CreatePublicationHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<CreatePublication, int>
{
    public async ValueTask<int> Handle(CreatePublication command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var publication = new Publication
        {
            Code = "",
            Title = "",
            Slug = "",
        };
        var changes = await PublicationWriting.ApplyAsync(db, publication, command, cancellationToken);
        db.Publications.Add(publication);
        await PublicationWriting.KeepOldAddressAsync(db, publication, oldAddress: null, now, cancellationToken);
        await AuditedSave.SaveNewAsync(db, () => changes.ToEntry(
            nameof(Publication), publication.Id.ToString(CultureInfo.InvariantCulture), publication.Code,
            AuditAction.Created, currentUser.Name, now), cancellationToken);
        return publication.Id;
    }
}
