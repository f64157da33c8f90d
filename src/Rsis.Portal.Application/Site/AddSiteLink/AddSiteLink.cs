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

public sealed class AddSiteLinkHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<AddSiteLink, int>
{
    public async ValueTask<int> Handle(AddSiteLink command, CancellationToken cancellationToken)
    {
        await SiteEditing.CheckAndRenewTokenAsync(db, clock, command.ConcurrencyToken, cancellationToken);
        var last = await db.SiteLinks.Where(l => l.Group == command.Group).MaxAsync(l => (int?)l.SortOrder, cancellationToken) ?? 0;
        var link = new SiteLink
        {
            Group = command.Group,
            Title = command.Title.Trim(),
            Url = command.Url.Trim(),
            Network = command.Group == SiteLinkGroup.Social || !string.IsNullOrWhiteSpace(command.Network) ? command.Network?.Trim() : null,
            SortOrder = last + 1,
        };
        db.SiteLinks.Add(link);

        var changes = new ChangeList();
        changes.Value("Text", null, link.Title);
        changes.Value("Address", null, link.Url);
        changes.Value("Network", null, link.Network);
        try
        {
            await AuditedSave.SaveNewAsync(db, () => changes.ToEntry(
                nameof(SiteLink), link.Id.ToString(CultureInfo.InvariantCulture), SiteEditing.Label(link),
                AuditAction.Created, currentUser.Name, clock.GetUtcNow().UtcDateTime), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await SiteEditing.ConflictAsync(db, clock, cancellationToken);
        }

        return link.Id;
    }
}
