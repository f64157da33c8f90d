namespace Rsis.Portal.Application.Site.MoveSiteLink;

public enum MoveDirection
{
    Up = 0,
    Down = 1,
}

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

public sealed class MoveSiteLinkHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<MoveSiteLink, bool>
{
    public async ValueTask<bool> Handle(MoveSiteLink command, CancellationToken cancellationToken)
    {
        await SiteEditing.CheckAndRenewTokenAsync(db, clock, command.ConcurrencyToken, cancellationToken);
        var link = await db.SiteLinks.SingleOrDefaultAsync(l => l.Id == command.Id, cancellationToken);
        if (link is null)
        {
            return false;
        }

        var group = await db.SiteLinks.Where(l => l.Group == link.Group)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .ToListAsync(cancellationToken);
        var from = group.IndexOf(link);
        var to = command.Direction == MoveDirection.Up ? from - 1 : from + 1;
        if (to < 0 || to >= group.Count)
        {
            return true;
        }

        group.RemoveAt(from);
        group.Insert(to, link);
        // Numbered afresh, 1 to n in the group, so equal or missing sort orders cannot pin a link in place.
        for (var i = 0; i < group.Count; i++)
        {
            group[i].SortOrder = i + 1;
        }

        var changes = new ChangeList();
        changes.Value("Position", (from + 1).ToString(CultureInfo.InvariantCulture), (to + 1).ToString(CultureInfo.InvariantCulture));
        db.AuditEntries.Add(changes.ToEntry(
            nameof(SiteLink), link.Id.ToString(CultureInfo.InvariantCulture), SiteEditing.Label(link), AuditAction.Updated, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await SiteEditing.ConflictAsync(db, clock, cancellationToken);
        }

        return true;
    }
}
