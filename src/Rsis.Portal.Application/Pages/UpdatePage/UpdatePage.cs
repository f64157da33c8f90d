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
using Rsis.Portal.Domain.Navigation;

namespace Rsis.Portal.Application.Pages.UpdatePage;

/// <summary>
/// Saves the admin form over a content page. Refused, with the typed values kept, when someone else saved it after
/// <see cref="ConcurrencyToken"/> was read. A new slug leaves a 301 from the old address.
/// </summary>
public sealed record UpdatePage : ICommand<bool>, IPageFields, IChangesPublicPages
{
    public int Id { get; init; }
    public Guid ConcurrencyToken { get; init; }
    public string Title { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Body { get; init; } = "";
    public bool ShowsContactDetails { get; init; }

    /// <summary>The page itself; and every page, since the menu links to it by its address.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Pages, Common.Caching.CacheTags.Site];
}

public sealed class UpdatePageValidator : PageFieldsValidator<UpdatePage>
{
    public UpdatePageValidator(IPortalDbContext db, IReservedAddresses reserved) : base(db, reserved)
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty().WithMessage(EditedItems.LostTokenMessage);
    }

    protected override int EditedId(UpdatePage command) => command.Id;
}

public sealed class UpdatePageHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<UpdatePage, bool>
{
    public const string What = "this page";

    public async ValueTask<bool> Handle(UpdatePage command, CancellationToken cancellationToken)
    {
        var page = await db.Pages.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
        if (page is null)
        {
            throw EditConflict.Gone(What);
        }

        if (page.ConcurrencyToken != command.ConcurrencyToken)
        {
            throw await EditedItems.ConflictAsync(db, What, nameof(Page), page.Id, page.ConcurrencyToken, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = PageWriting.Apply(page, command);
        if (changes.IsEmpty)
        {
            return true;
        }

        await MovedAddresses.RecordAsync(db, changes, EditedItems.SlugField, PortalUrls.Page, now, cancellationToken);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Page), page.Id.ToString(CultureInfo.InvariantCulture), page.Title,
            AuditAction.Updated, currentUser.Name, now));
        await EditedItems.SaveEditAsync(db, What, nameof(Page), command.Id,
            db.Pages.AsNoTracking().Where(p => p.Id == command.Id).Select(p => p.ConcurrencyToken), cancellationToken);

        return true;
    }
}
