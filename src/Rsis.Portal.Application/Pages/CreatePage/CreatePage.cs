using System.Globalization;
using Mediator;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Navigation;

namespace Rsis.Portal.Application.Pages.CreatePage;

/// <summary>A new content page from the admin form; answers its id. Readers can open it at once at <c>/{slug}</c>.</summary>
public sealed record CreatePage : ICommand<int>, IPageFields, IChangesPublicPages
{
    public string Title { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Body { get; init; } = "";
    public bool ShowsContactDetails { get; init; }

    /// <summary>The sitemap lists every page.</summary>
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Pages];
}

public sealed class CreatePageValidator(IPortalDbContext db, IReservedAddresses reserved) : PageFieldsValidator<CreatePage>(db, reserved);

public sealed class CreatePageHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<CreatePage, int>
{
    public async ValueTask<int> Handle(CreatePage command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var page = new Page { Title = "", Slug = "" };
        var changes = PageWriting.Apply(page, command);
        db.Pages.Add(page);
        await AuditedSave.SaveNewAsync(db, () => changes.ToEntry(
            nameof(Page), page.Id.ToString(CultureInfo.InvariantCulture), page.Title,
            AuditAction.Created, currentUser.Name, now), cancellationToken);
        return page.Id;
    }
}
