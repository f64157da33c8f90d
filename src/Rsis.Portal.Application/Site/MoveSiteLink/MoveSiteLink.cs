namespace Rsis.Portal.Application.Site.MoveSiteLink;

/// <summary>
/// Moves a footer link one place up or down within its group. The first link moved up, or the last moved
/// down, stays where it is. Answers false when there is no such link.
/// </summary>
public sealed record MoveSiteLink(int Id, MoveDirection Direction, Guid ConcurrencyToken) : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site];
}

public sealed class MoveSiteLinkValidator : AbstractValidator<MoveSiteLink>
{
    public MoveSiteLinkValidator()
    {
        RuleFor(c => c.Id).GreaterThan(0);
        RuleFor(c => c.Direction).IsInEnum().WithMessage("Choose up or down.");
        RuleFor(c => c.ConcurrencyToken).NotEmpty().WithMessage(SiteEditing.LostTrack);
    }
}

public sealed class MoveSiteLinkHandler(IPortalDbContext db, ItemEditor editor) : ICommandHandler<MoveSiteLink, bool>
{
    public async ValueTask<bool> Handle(MoveSiteLink command, CancellationToken cancellationToken) =>
        await SiteEditing.ChangeLinksAsync(db, editor, command.ConcurrencyToken, links =>
        {
            var at = links.FindIndex(l => l.Id == command.Id);
            if (at < 0)
            {
                return false;
            }

            // Swapped with its neighbour in the same group; the first moved up, or the last moved down, stays.
            var group = Enumerable.Range(0, links.Count).Where(i => links[i].Group == links[at].Group).ToList();
            var to = group.IndexOf(at) + (command.Direction == MoveDirection.Up ? -1 : 1);
            if (to >= 0 && to < group.Count)
            {
                (links[at], links[group[to]]) = (links[group[to]], links[at]);
            }

            return true;
        }, cancellationToken);
}
