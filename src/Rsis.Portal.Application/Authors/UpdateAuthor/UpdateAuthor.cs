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

namespace Rsis.Portal.Application.Authors.UpdateAuthor;

/// <summary>
/// Saves the admin form over an author. Refused, with the typed values kept, when someone else saved the author
/// after <see cref="ConcurrencyToken"/> was read. A new slug leaves a 301 from the old address (see
/// <see cref="MovedAddresses"/>).
/// </summary>
public sealed record UpdateAuthor : ICommand<bool>, IAuthorFields, IChangesPublicPages
{
    public int Id { get; init; }
    public Guid ConcurrencyToken { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string ShortTitle { get; init; } = "";
    public string Biography { get; init; } = "";

    /// <summary>Bylines on articles and listings, the author's page, feeds and search all show the name.</summary>
    // Site too: a menu entry may link to the author's address, which a new slug changes.
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Site];
}

public sealed class UpdateAuthorValidator : AuthorFieldsValidator<UpdateAuthor>
{
    public UpdateAuthorValidator(IPortalDbContext db) : base(db)
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty().WithMessage(EditedItems.LostTokenMessage);
    }

    protected override int EditedId(UpdateAuthor command) => command.Id;
}

public sealed class UpdateAuthorHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<UpdateAuthor, bool>
{
    public const string What = "this author";

    public async ValueTask<bool> Handle(UpdateAuthor command, CancellationToken cancellationToken)
    {
        var author = await db.Authors.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken);
        if (author is null)
        {
            throw EditConflict.Gone(What);
        }

        if (author.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw await EditedItems.ConflictAsync(db, What, nameof(Author), author.Id, author.ConcurrencyToken, cancellationToken);
        }

        var changes = AuthorWriting.Apply(author, command);
        if (changes.IsEmpty)
        {
            return true;
        }

        await MovedAddresses.RecordAsync(db, changes, EditedItems.SlugField, PortalUrls.Author, clock.GetUtcNow().UtcDateTime, cancellationToken);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Author), author.Id.ToString(CultureInfo.InvariantCulture), author.Name,
            AuditAction.Updated, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        await EditedItems.SaveEditAsync(db, What, nameof(Author), command.Id,
            db.Authors.AsNoTracking().Where(a => a.Id == command.Id).Select(a => a.ConcurrencyToken), cancellationToken);

        return true;
    }
}
