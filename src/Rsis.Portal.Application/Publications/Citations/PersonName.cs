namespace Rsis.Portal.Application.Publications.Citations;

/// <summary>
/// An author's name split as citation styles need it. The portal stores one name per author as the byline
/// prints it ("C. Raja Mohan"), so the last word is taken as the family name and the rest as given names;
/// a name written "Family, Given" is split at the comma instead, which is how a name whose family name
/// comes first ("Tan, See Seng") can be stored so that it is cited correctly.
/// </summary>
public sealed record PersonName(string Given, string Family)
{
    public static PersonName Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var comma = trimmed.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            return new PersonName(trimmed[(comma + 1)..].Trim(), trimmed[..comma].Trim());
        }

        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? new PersonName("", trimmed) : new PersonName(trimmed[..space], trimmed[(space + 1)..]);
    }

    /// <summary>"Family, Given" (Chicago's first author, BibTeX, RIS); the family name alone when there is no given name.</summary>
    public string Inverted => Given.Length == 0 ? Family : $"{Family}, {Given}";

    /// <summary>"Given Family", as the byline prints it.</summary>
    public string Natural => Given.Length == 0 ? Family : $"{Given} {Family}";

    /// <summary>
    /// The initials of the given names, joined by <paramref name="separator"/>: "C. R." (APA, with a space)
    /// or "C.R." (Harvard). A hyphenated name keeps its hyphen: "Jean-Paul" gives "J.-P.".
    /// </summary>
    public string Initials(string separator) =>
        string.Join(separator, Given.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => string.Join('-', part.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + "."))));
}
