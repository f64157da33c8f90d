namespace Rsis.Portal.Application.Site.UpdateSiteLink;

/// <summary>Changes a footer link's text, address or network. Answers false when there is no such link.</summary>
public sealed record UpdateSiteLink : ICommand<bool>, ISiteLinkFields, IChangesPublicPages
{
    public int Id { get; init; }
    public Guid ConcurrencyToken { get; init; }
    public string Title { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Network { get; init; }

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site];
}

public sealed class UpdateSiteLinkValidator : SiteLinkFieldsValidator<UpdateSiteLink>
{
    public UpdateSiteLinkValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.Network)
            .MustAsync(async (command, network, cancellationToken) => !string.IsNullOrWhiteSpace(network)
                || await db.SiteLinks.Where(l => l.Id == command.Id).Select(l => (SiteLinkGroup?)l.Group).SingleOrDefaultAsync(cancellationToken) != SiteLinkGroup.Social)
            .WithMessage(NetworkNeeded);
    }
}

public sealed class UpdateSiteLinkHandler(IPortalDbContext db, ItemEditor editor) : ICommandHandler<UpdateSiteLink, bool>
{
    public async ValueTask<bool> Handle(UpdateSiteLink command, CancellationToken cancellationToken) =>
        await SiteEditing.ChangeLinksAsync(db, editor, command.ConcurrencyToken, links =>
        {
            var at = links.FindIndex(l => l.Id == command.Id);
            if (at >= 0)
            {
                links[at] = links[at] with { Title = command.Title, Url = command.Url, Network = command.Network };
            }

            return at >= 0;
        }, cancellationToken);
}
