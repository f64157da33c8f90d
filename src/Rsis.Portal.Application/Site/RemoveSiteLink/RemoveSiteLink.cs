namespace Rsis.Portal.Application.Site.RemoveSiteLink;

/// <summary>Removes a footer link. Answers false when there is no such link.</summary>
public sealed record RemoveSiteLink(int Id, Guid ConcurrencyToken) : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site];
}

public sealed class RemoveSiteLinkValidator : AbstractValidator<RemoveSiteLink>
{
    public RemoveSiteLinkValidator()
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.ConcurrencyToken).NotEmpty().WithMessage(SiteEditing.LostTrack);
    }
}

public sealed class RemoveSiteLinkHandler(IPortalDbContext db, ItemEditor editor) : ICommandHandler<RemoveSiteLink, bool>
{
    public async ValueTask<bool> Handle(RemoveSiteLink command, CancellationToken cancellationToken) =>
        await SiteEditing.ChangeLinksAsync(db, editor, command.ConcurrencyToken, links => links.RemoveAll(l => l.Id == command.Id) > 0, cancellationToken);
}
