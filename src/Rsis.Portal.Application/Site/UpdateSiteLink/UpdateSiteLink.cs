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

public sealed class UpdateSiteLinkHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<UpdateSiteLink, bool>
{
    public async ValueTask<bool> Handle(UpdateSiteLink command, CancellationToken cancellationToken)
    {
        await SiteEditing.CheckAndRenewTokenAsync(db, clock, command.ConcurrencyToken, cancellationToken);
        var link = await db.SiteLinks.SingleOrDefaultAsync(l => l.Id == command.Id, cancellationToken);
        if (link is null)
        {
            return false;
        }

        var label = SiteEditing.Label(link);
        var changes = new ChangeList();
        var network = link.Group == SiteLinkGroup.Social || !string.IsNullOrWhiteSpace(command.Network) ? command.Network?.Trim() : null;
        changes.Value("Text", link.Title, command.Title.Trim());
        changes.Value("Address", link.Url, command.Url.Trim());
        changes.Value("Network", link.Network, network);
        if (changes.IsEmpty)
        {
            return true;
        }

        link.Title = command.Title.Trim();
        link.Url = command.Url.Trim();
        link.Network = network;
        db.AuditEntries.Add(changes.ToEntry(
            nameof(SiteLink), link.Id.ToString(CultureInfo.InvariantCulture), label, AuditAction.Updated, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await db.SiteLinks.AnyAsync(l => l.Id == command.Id, cancellationToken)
                ? await SiteEditing.ConflictAsync(db, clock, cancellationToken)
                : EditConflict.Gone("this link");
        }

        return true;
    }
}
