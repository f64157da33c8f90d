namespace Rsis.Portal.Application.Site.AddSiteLink;

/// <summary>Adds a link at the end of a footer group; every public page shows it at once.</summary>
public sealed record AddSiteLink : ICommand<int>, ISiteLinkFields, IChangesPublicPages
{
    public SiteLinkGroup Group { get; init; }
    public Guid ConcurrencyToken { get; init; }
    public string Title { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Network { get; init; }

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site];
}

public sealed class AddSiteLinkValidator : SiteLinkFieldsValidator<AddSiteLink>
{
    public AddSiteLinkValidator()
    {
        RuleFor(c => c.Group).IsInEnum().WithMessage("Choose the group the link goes in.");
        RuleFor(c => c.Network).Must(n => !string.IsNullOrWhiteSpace(n)).When(c => c.Group == SiteLinkGroup.Social).WithMessage(NetworkNeeded);
    }
}

public sealed class AddSiteLinkHandler(IPortalDbContext db, ItemEditor editor) : ICommandHandler<AddSiteLink, int>
{
    public async ValueTask<int> Handle(AddSiteLink command, CancellationToken cancellationToken)
    {
        await SiteEditing.ChangeLinksAsync(db, editor, command.ConcurrencyToken, links =>
        {
            links.Add(new SiteLinkFields(0, command.Group, command.Title, command.Url, command.Network));
            return true;
        }, cancellationToken);
        return db.SiteLinks.Local.Where(l => l.Group == command.Group).MaxBy(l => l.SortOrder)!.Id;
    }
}
