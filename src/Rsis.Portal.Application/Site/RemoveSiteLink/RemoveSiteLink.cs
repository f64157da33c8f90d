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

public sealed class RemoveSiteLinkHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<RemoveSiteLink, bool>
{
    public async ValueTask<bool> Handle(RemoveSiteLink command, CancellationToken cancellationToken)
    {
        await SiteEditing.CheckAndRenewTokenAsync(db, clock, command.ConcurrencyToken, cancellationToken);
        var link = await db.SiteLinks.SingleOrDefaultAsync(l => l.Id == command.Id, cancellationToken);
        if (link is null)
        {
            return false;
        }

        var changes = new ChangeList();
        changes.Value("Text", link.Title, null);
        changes.Value("Address", link.Url, null);
        db.SiteLinks.Remove(link);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(SiteLink), link.Id.ToString(CultureInfo.InvariantCulture), SiteEditing.Label(link), AuditAction.Deleted, currentUser.Name, clock.GetUtcNow().UtcDateTime));
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
