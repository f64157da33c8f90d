namespace Rsis.Portal.Application.Site;

/// <summary>
/// The settings screen is edited as one item: the text and every footer link share the settings row's
/// concurrency token, so any save there checks it and renews it (links have no token of their own).
/// </summary>
public static class SiteEditing
{
    public const string What = "the site settings screen";

    public const string LostTrack = ItemEditor.LostTokenMessage;

    /// <summary>
    /// Saves the links as <paramref name="change"/> leaves them: a new version of the settings, checked against the
    /// screen's token, audited and evicted like any save (<see cref="SiteSettingsKind"/>). False when
    /// <paramref name="change"/> finds no such link and the screen is current (a 404); a stale screen is refused,
    /// naming who saved since, whatever it asked for.
    /// </summary>
    public static async Task<bool> ChangeLinksAsync(
        IPortalDbContext db, ItemEditor editor, Guid token, Func<List<SiteLinkFields>, bool> change, CancellationToken cancellationToken)
    {
        var settings = await ItemEditor.FindAsync(db, SiteSettingsKind.Instance, SiteSettings.SingletonId, tracked: false, cancellationToken)
            ?? throw new InvalidOperationException("There is no site settings row: the database has not been seeded.");
        var fields = await SiteSettingsKind.Instance.ReadFieldsAsync(db, settings, cancellationToken);
        var links = fields.Links!.ToList();
        var found = change(links);
        if (!found && settings.ConcurrencyToken == token)
        {
            return false;
        }

        await editor.UpdateAsync(SiteSettingsKind.Instance, new LinksSave(token), fields with { Links = links }, cancellationToken);
        return found;
    }

    /// <summary>The group's name as the settings screen and the audit log show it.</summary>
    public static string GroupName(SiteLinkGroup group) => group switch
    {
        SiteLinkGroup.PopularLinks => "Popular links",
        SiteLinkGroup.Social => "Social links",
        SiteLinkGroup.Subscribe => "Subscribe links",
        SiteLinkGroup.Contact => "Contact links",
        SiteLinkGroup.Legal => "Legal links",
        _ => group.ToString(),
    };

    private sealed record LinksSave(Guid ConcurrencyToken) : IUpdates
    {
        public int Id => SiteSettings.SingletonId;
        public int? Restores => null;
    }

    /// <summary>Line breaks as "\n", no blank lines (the footer shows none), so what is stored is what readers see.</summary>
    public static string NormaliseLines(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0));
}

/// <summary>
/// Addresses the header and footer may link to: http(s) and mailto addresses, and paths on this site.
/// Everything else (<c>javascript:</c>, <c>data:</c>, <c>//host</c>, <c>/\host</c>) is refused: a footer link is on every page.
/// </summary>
public static class SiteUrl
{
    public const string Rule = "Use an address that starts with https://, http:// or mailto:, or a path on this site that starts with /, such as /contact-us.";

    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        url = url.Trim();
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\'))
        {
            return false;
        }

        if (url.StartsWith('/'))
        {
            // "//host" is another site, reached with the reader's scheme.
            return !url.StartsWith("//", StringComparison.Ordinal);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Scheme switch
        {
            "http" or "https" => !string.IsNullOrEmpty(uri.Host),
            "mailto" => url.Length > "mailto:".Length && url.Contains('@', StringComparison.Ordinal),
            _ => false,
        };
    }
}

/// <summary>What staff fill in for a footer link, shared by adding and editing one.</summary>
public interface ISiteLinkFields
{
    /// <summary>The token of the settings screen the form was opened with.</summary>
    Guid ConcurrencyToken { get; }
    string Title { get; }
    string Url { get; }
    string? Network { get; }
}

/// <summary>The rules of <see cref="ISiteLinkFields"/>; whether a network is needed depends on the group, which the subclass knows.</summary>
public abstract class SiteLinkFieldsValidator<T> : AbstractValidator<T> where T : ISiteLinkFields
{
    public const int MaxTitleLength = 200;
    public const int MaxUrlLength = 2000;
    public const int MaxNetworkLength = 50;

    protected SiteLinkFieldsValidator()
    {
        RuleFor(c => c.ConcurrencyToken).NotEmpty().WithMessage(SiteEditing.LostTrack);
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the text of the link.")
            .MaximumLength(MaxTitleLength).WithMessage($"The text of a link can be at most {MaxTitleLength} characters.");
        RuleFor(c => c.Url).Cascade(CascadeMode.Stop)
            .Must(u => !string.IsNullOrWhiteSpace(u)).WithMessage("Enter the address the link goes to.")
            .MaximumLength(MaxUrlLength).WithMessage($"An address can be at most {MaxUrlLength:N0} characters.")
            .Must(SiteUrl.IsAllowed).WithMessage(SiteUrl.Rule);
        RuleFor(c => c.Network)
            .MaximumLength(MaxNetworkLength).WithMessage($"A network's name can be at most {MaxNetworkLength} characters.");
    }

    protected const string NetworkNeeded = "Enter the network of a social link, such as Facebook or LinkedIn: it names the link for screen readers.";
}
