namespace Rsis.Portal.Application.Site;

/// <summary>The header and footer text staff set: the update command derives from it, and each version stores it.</summary>
public record SiteSettingsFields
{
    public string SchoolName { get; init; } = "";
    public string Tagline { get; init; } = "";
    public string Motto { get; init; } = "";
    public string UniversityName { get; init; } = "";
    public string Address { get; init; } = "";
    public string DirectionsUrl { get; init; } = "";
    public string Copyright { get; init; } = "";
    public string CookieNotice { get; init; } = "";

    /// <summary>Where "Get in Touch" writes to; empty shows no mail link.</summary>
    public string ContactEmail { get; init; } = "";

    /// <summary>The "Latest Book / more info" promo: shown once it has a title and a link.</summary>
    public string PromoTitle { get; init; } = "";
    public string PromoUrl { get; init; } = "";

    /// <summary>
    /// The header and footer links, group by group in their order. Null in versions kept before links were, and
    /// in a save of the text alone: the links are then left as they are.
    /// </summary>
    public IReadOnlyList<SiteLinkFields>? Links { get; init; }
}

/// <summary>One link as a version of the settings keeps it; <see cref="Id"/> is 0 for a link this save adds.</summary>
public sealed record SiteLinkFields(int Id, SiteLinkGroup Group, string Title, string Url, string? Network)
{
    /// <summary>"Facebook: RSIS on Facebook (https://…)", as the audit log and the compare screen list links.</summary>
    public override string ToString() => Network is null ? $"{Title} ({Url})" : $"{Network}: {Title} ({Url})";
}

/// <summary>The site settings (one row) for the <see cref="ItemEditor"/>.</summary>
public sealed class SiteSettingsKind : EditableKind<SiteSettings, SiteSettingsFields>
{
    public static readonly SiteSettingsKind Instance = new();

    public override string EntityType => nameof(SiteSettings);
    public override string What => SiteEditing.What;

    /// <summary>The footer links share the settings row's token: a stale screen names whoever saved either last.</summary>
    public override IReadOnlyList<string> SharesTokenWith => [nameof(SiteLink)];

    public override string LabelOf(SiteSettings item) => "Header and footer";

    /// <summary>The text, and every link as this save leaves it (<c>Local</c>: added ones in, removed ones out).</summary>
    public override async Task<SiteSettingsFields> ReadFieldsAsync(IPortalDbContext db, SiteSettings item, CancellationToken cancellationToken)
    {
        await db.SiteLinks.LoadAsync(cancellationToken);
        return FieldsOf(item) with
        {
            Links = db.SiteLinks.Local.OrderBy(l => l.Group).ThenBy(l => l.SortOrder).ThenBy(l => l.Id)
                .Select(l => new SiteLinkFields(l.Id, l.Group, l.Title, l.Url, l.Network)).ToList(),
        };
    }

    public override SiteSettingsFields FieldsOf(SiteSettings item) => new()
    {
        SchoolName = item.SchoolName,
        Tagline = item.Tagline,
        Motto = item.Motto,
        UniversityName = item.UniversityName,
        Address = item.Address,
        DirectionsUrl = item.DirectionsUrl,
        Copyright = item.Copyright,
        CookieNotice = item.CookieNotice,
        ContactEmail = item.ContactEmail,
        PromoTitle = item.PromoTitle,
        PromoUrl = item.PromoUrl,
    };

    public override Task<ChangeList> ApplyAsync(IPortalDbContext db, SiteSettings item, SiteSettingsFields fields, CancellationToken cancellationToken)
    {
        var changes = new ChangeList();
        item.SchoolName = Set(changes, "School name", item.SchoolName, fields.SchoolName.Trim());
        item.Tagline = Set(changes, "Tagline", item.Tagline, fields.Tagline.Trim());
        item.Motto = Set(changes, "Motto", item.Motto, fields.Motto.Trim());
        item.UniversityName = Set(changes, "University name", item.UniversityName, fields.UniversityName.Trim());
        item.Address = Set(changes, "Address", item.Address, SiteEditing.NormaliseLines(fields.Address));
        item.DirectionsUrl = Set(changes, "Directions address", item.DirectionsUrl, fields.DirectionsUrl.Trim());
        item.Copyright = Set(changes, "Copyright", item.Copyright, fields.Copyright.Trim());
        item.CookieNotice = Set(changes, "Cookie notice", item.CookieNotice, fields.CookieNotice.Trim());
        item.ContactEmail = Set(changes, "Contact email", item.ContactEmail, fields.ContactEmail.Trim());
        item.PromoTitle = Set(changes, "Promo title", item.PromoTitle, fields.PromoTitle.Trim());
        item.PromoUrl = Set(changes, "Promo link", item.PromoUrl, fields.PromoUrl.Trim());
        return fields.Links is { } links ? ApplyLinksAsync(db, links, changes, cancellationToken) : Task.FromResult(changes);
    }

    public override Task<IReadOnlyList<RevisionField>> DescribeAsync(IPortalDbContext db, SiteSettingsFields fields, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RevisionField>>([
            new("School name", fields.SchoolName),
            new("Tagline", fields.Tagline),
            new("Motto", fields.Motto),
            new("University name", fields.UniversityName),
            new("Address", fields.Address),
            new("Directions address", fields.DirectionsUrl),
            new("Copyright", fields.Copyright),
            new("Cookie notice", fields.CookieNotice, IsLongText: true),
            new("Contact email", fields.ContactEmail),
            new("Promo title", fields.PromoTitle),
            new("Promo link", fields.PromoUrl),
            .. Enum.GetValues<SiteLinkGroup>().Select(group => new RevisionField(SiteEditing.GroupName(group),
                fields.Links is null ? "(not kept in this version)" : string.Join('\n', fields.Links.Where(l => l.Group == group)),
                IsLongText: true)),
        ]);

    protected override ICommand<bool> Update(int id, Guid concurrencyToken, SiteSettingsFields fields, int? restores) =>
        new UpdateSiteSettings.UpdateSiteSettings(concurrencyToken, fields) { Restores = restores };

    /// <summary>
    /// Makes the stored links <paramref name="wanted"/>: changed in place when they keep their id, added when new,
    /// removed when left out, numbered 1 to n within each group. Each group that changed is one line of the audit
    /// entry, its links before and after.
    /// </summary>
    private static async Task<ChangeList> ApplyLinksAsync(
        IPortalDbContext db, IReadOnlyList<SiteLinkFields> wanted, ChangeList changes, CancellationToken cancellationToken)
    {
        var cleaned = wanted.Select(l => l with
        {
            Title = l.Title.Trim(),
            Url = l.Url.Trim(),
            Network = l.Group == SiteLinkGroup.Social || !string.IsNullOrWhiteSpace(l.Network) ? l.Network?.Trim() : null,
        }).ToList();
        var stored = await db.SiteLinks.OrderBy(l => l.Group).ThenBy(l => l.SortOrder).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        foreach (var group in Enum.GetValues<SiteLinkGroup>())
        {
            changes.Value(SiteEditing.GroupName(group),
                string.Join("; ", stored.Where(l => l.Group == group).Select(l => new SiteLinkFields(l.Id, l.Group, l.Title, l.Url, l.Network))),
                string.Join("; ", cleaned.Where(l => l.Group == group)));
        }

        var byId = stored.ToDictionary(l => l.Id);
        var kept = cleaned.Select(l => l.Id).Where(byId.ContainsKey).ToHashSet();
        db.SiteLinks.RemoveRange(stored.Where(l => !kept.Contains(l.Id)));
        foreach (var group in cleaned.GroupBy(l => l.Group))
        {
            var position = 0;
            foreach (var link in group)
            {
                // A link of an earlier version that has since been removed comes back as a new one.
                if (!byId.Remove(link.Id, out var row))
                {
                    row = new SiteLink { Title = "", Url = "" };
                    db.SiteLinks.Add(row);
                }

                (row.Group, row.Title, row.Url, row.Network, row.SortOrder) = (link.Group, link.Title, link.Url, link.Network, ++position);
            }
        }

        return changes;
    }

    private static string Set(ChangeList changes, string field, string oldValue, string newValue)
    {
        changes.Value(field, oldValue, newValue);
        return newValue;
    }
}
