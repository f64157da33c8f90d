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
        return Task.FromResult(changes);
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
        ]);

    protected override ICommand<bool> Update(int id, Guid concurrencyToken, SiteSettingsFields fields, int? restores) =>
        new UpdateSiteSettings.UpdateSiteSettings(concurrencyToken, fields) { Restores = restores };

    private static string Set(ChangeList changes, string field, string oldValue, string newValue)
    {
        changes.Value(field, oldValue, newValue);
        return newValue;
    }
}
