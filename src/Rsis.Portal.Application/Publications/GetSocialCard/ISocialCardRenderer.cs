namespace Rsis.Portal.Application.Publications.GetSocialCard;

/// <summary>Draws a publication's social card: the 1200×630 PNG that link previews show beside its title.</summary>
public interface ISocialCardRenderer
{
    public const int Width = 1200;

    public const int Height = 630;

    /// <summary>Changes whenever the drawing would change for the same publication, so older cards are drawn again.</summary>
    string Version { get; }

    byte[] Render(SocialCardDocument card);
}

/// <summary>Everything a social card shows.</summary>
public sealed record SocialCardDocument(
    string SchoolName,
    string SeriesName,
    string Code,
    string Title,
    IReadOnlyList<string> Authors,
    DateOnly PublishedOn);
