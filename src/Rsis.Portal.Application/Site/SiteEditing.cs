namespace Rsis.Portal.Application.Site;

/// <summary>
/// The settings screen is edited as one item: the text and every footer link share the settings row's
/// concurrency token, so any save there checks it and renews it (links have no token of their own).
/// </summary>
public static class SiteEditing
{
    public const string What = "the site settings screen";

    public const string LostTrack = ItemEditor.LostTokenMessage;

    /// <summary>The settings row, tracked, with a new token; refused when someone saved the screen after <paramref name="token"/> was read.</summary>
    public static async Task<SiteSettings> CheckAndRenewTokenAsync(IPortalDbContext db, TimeProvider clock, Guid token, CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.SingleAsync(cancellationToken);
        if (settings.ConcurrencyToken != token)
        {
            throw await ConflictAsync(db, clock, cancellationToken);
        }

        // Compared again by the database in the UPDATE, so a save that slips in between is caught by SaveChanges.
        settings.ConcurrencyToken = Guid.NewGuid();
        return settings;
    }

    /// <summary>
    /// The message for a stale save, naming who saved the screen last and when. The settings row keeps no
    /// "changed by", so the audit log tells.
    /// </summary>
    public static async Task<ValidationException> ConflictAsync(IPortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = await db.SiteSettings.AsNoTracking().Select(s => s.ConcurrencyToken).SingleAsync(cancellationToken);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(SiteSettings) || e.EntityType == nameof(SiteLink))
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => new { e.ChangedBy, e.AtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return EditConflict.For(What, last?.ChangedBy, last?.AtUtc ?? clock.GetUtcNow().UtcDateTime, current);
    }

    /// <summary>How the audit log names a link: its group and its text.</summary>
    public static string Label(SiteLink link) => $"{GroupName(link.Group)}: {link.Title}";

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
