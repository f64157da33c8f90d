using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.Extensions.Primitives;

namespace Rsis.Portal.Web.Harvesting;

/// <summary>The six requests of OAI-PMH 2.0.</summary>
public enum OaiVerb
{
    Identify,
    ListMetadataFormats,
    ListSets,
    GetRecord,
    ListIdentifiers,
    ListRecords,
}

/// <summary>One of the protocol's error codes (<c>badArgument</c>, …) with a message for the harvester's log.</summary>
public sealed record OaiPmhError(string Code, string Message)
{
    public const string BadArgument = "badArgument";
    public const string BadResumptionToken = "badResumptionToken";
    public const string BadVerb = "badVerb";
    public const string CannotDisseminateFormat = "cannotDisseminateFormat";
    public const string IdDoesNotExist = "idDoesNotExist";
    public const string NoRecordsMatch = "noRecordsMatch";

    /// <summary>
    /// A request the protocol cannot read (badVerb, badArgument) is echoed without its arguments, as the protocol
    /// asks; any other error echoes them.
    /// </summary>
    public bool EchoesArguments => Code is not (BadVerb or BadArgument);
}

/// <summary>
/// A <c>from</c> or <c>until</c> argument: a UTC day (<c>2013-03-18</c>) or second (<c>2013-03-18T10:00:00Z</c>),
/// and <see cref="Text"/>, what the harvester sent.
/// </summary>
public sealed record OaiDate(DateTime Utc, bool IsDay, string Text)
{
    public const string DayFormat = "yyyy-MM-dd";
    public const string SecondFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The moment just after this day or second: <c>until</c> includes all of it.</summary>
    public DateTime EndUtc
    {
        get
        {
            var length = IsDay ? TimeSpan.FromDays(1) : TimeSpan.FromSeconds(1);
            // until=9999-12-31 has no moment after it.
            return Utc > DateTime.MaxValue - length ? DateTime.MaxValue : Utc + length;
        }
    }

    public static OaiDate? Parse(string text)
    {
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTime.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, utc, out var day))
        {
            return new OaiDate(day, IsDay: true, text);
        }

        return DateTime.TryParseExact(text, SecondFormat, CultureInfo.InvariantCulture, utc, out var second)
            ? new OaiDate(second, IsDay: false, text)
            : null;
    }
}

/// <summary>
/// An OAI-PMH request read from its query string or form body, checked as the protocol says: one known verb,
/// each argument once, only the arguments of that verb, the required ones present, dates in either granularity
/// (the same for both) and <c>from</c> not after <c>until</c>, and a resumption token exclusive.
/// </summary>
public sealed partial class OaiPmhRequest
{
    public const string VerbArgument = "verb";
    public const string IdentifierArgument = "identifier";
    public const string MetadataPrefixArgument = "metadataPrefix";
    public const string FromArgument = "from";
    public const string UntilArgument = "until";
    public const string SetArgument = "set";
    public const string ResumptionTokenArgument = "resumptionToken";

    private static readonly Dictionary<OaiVerb, (string[] Required, string[] Optional)> ArgumentsOf = new()
    {
        [OaiVerb.Identify] = ([], []),
        [OaiVerb.ListMetadataFormats] = ([], [IdentifierArgument]),
        [OaiVerb.ListSets] = ([], [ResumptionTokenArgument]),
        [OaiVerb.GetRecord] = ([IdentifierArgument, MetadataPrefixArgument], []),
        [OaiVerb.ListIdentifiers] = ([MetadataPrefixArgument], [FromArgument, UntilArgument, SetArgument, ResumptionTokenArgument]),
        [OaiVerb.ListRecords] = ([MetadataPrefixArgument], [FromArgument, UntilArgument, SetArgument, ResumptionTokenArgument]),
    };

    private OaiPmhRequest(OaiVerb verb, IReadOnlyDictionary<string, string> arguments)
    {
        Verb = verb;
        Arguments = arguments;
    }

    public OaiVerb Verb { get; }

    /// <summary>Every argument, the verb included, as sent: what the response's <c>request</c> element echoes.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; }

    public string? Identifier => Arguments.GetValueOrDefault(IdentifierArgument);

    public string? MetadataPrefix => Arguments.GetValueOrDefault(MetadataPrefixArgument);

    public string? Set => Arguments.GetValueOrDefault(SetArgument);

    public string? ResumptionToken => Arguments.GetValueOrDefault(ResumptionTokenArgument);

    public OaiDate? From { get; private init; }

    public OaiDate? Until { get; private init; }

    /// <summary>The request, or the error that answers it.</summary>
    public static (OaiPmhRequest? Request, OaiPmhError? Error) Read(IEnumerable<KeyValuePair<string, StringValues>> sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var arguments = sent.ToList();
        // The answer echoes what was sent, and XML cannot carry every character (U+0001, a lone surrogate…).
        if (arguments.FirstOrDefault(a => !IsXmlText(a.Key) || a.Value.Any(v => !IsXmlText(v))) is { Key: { } unreadable })
        {
            return unreadable == VerbArgument
                ? Fail(OaiPmhError.BadVerb, "The verb holds characters an XML document cannot carry.")
                : Fail(OaiPmhError.BadArgument, "An argument holds characters an XML document cannot carry.");
        }

        var verbs = arguments.Where(a => a.Key == VerbArgument).SelectMany(a => a.Value).Select(v => v ?? "").ToList();
        if (verbs.Count == 0)
        {
            return Fail(OaiPmhError.BadVerb, "The request has no verb.");
        }

        if (verbs.Count > 1)
        {
            return Fail(OaiPmhError.BadVerb, "The request has more than one verb.");
        }

        // Enum.TryParse would take "0", "identify" or "Identify,ListSets"; the protocol's verbs are exact.
        if (!Enum.GetNames<OaiVerb>().Contains(verbs[0], StringComparer.Ordinal))
        {
            return Fail(OaiPmhError.BadVerb, $"\"{verbs[0]}\" is not a verb of OAI-PMH 2.0.");
        }

        var verb = Enum.Parse<OaiVerb>(verbs[0]);
        var (required, optional) = ArgumentsOf[verb];
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [VerbArgument] = verbs[0] };
        foreach (var (name, value) in arguments.Where(a => a.Key != VerbArgument))
        {
            if (!required.Contains(name, StringComparer.Ordinal) && !optional.Contains(name, StringComparer.Ordinal))
            {
                return Fail(OaiPmhError.BadArgument, $"{verb} takes no argument \"{name}\".");
            }

            if (value.Count != 1)
            {
                return Fail(OaiPmhError.BadArgument, $"The argument \"{name}\" is given more than once.");
            }

            if (string.IsNullOrEmpty(value[0]))
            {
                return Fail(OaiPmhError.BadArgument, $"The argument \"{name}\" is empty.");
            }

            values[name] = value[0]!;
        }

        if (values.ContainsKey(ResumptionTokenArgument))
        {
            return values.Count == 2
                ? (new OaiPmhRequest(verb, values), null)
                : Fail(OaiPmhError.BadArgument, "A resumptionToken is the only argument beside the verb.");
        }

        if (required.FirstOrDefault(name => !values.ContainsKey(name)) is { } missing)
        {
            return Fail(OaiPmhError.BadArgument, $"{verb} needs the argument \"{missing}\".");
        }

        return Check(verb, values);
    }

    private static bool IsXmlText(string? text)
    {
        for (var i = 0; text is not null && i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }

    private static (OaiPmhRequest?, OaiPmhError?) Check(OaiVerb verb, Dictionary<string, string> values)
    {
        if (values.TryGetValue(MetadataPrefixArgument, out var prefix) && !SpecPattern().IsMatch(prefix))
        {
            return Fail(OaiPmhError.BadArgument, $"\"{prefix}\" is not a metadata prefix.");
        }

        if (values.TryGetValue(SetArgument, out var set) && !SetSpecPattern().IsMatch(set))
        {
            return Fail(OaiPmhError.BadArgument, $"\"{set}\" is not a set.");
        }

        if (values.TryGetValue(IdentifierArgument, out var identifier) && !Uri.TryCreate(identifier, UriKind.Absolute, out _))
        {
            return Fail(OaiPmhError.BadArgument, $"\"{identifier}\" is not an identifier (they look like oai:host:CO13046).");
        }

        OaiDate? from = null, until = null;
        if (values.TryGetValue(FromArgument, out var fromText) && (from = OaiDate.Parse(fromText)) is null)
        {
            return Fail(OaiPmhError.BadArgument, $"from=\"{fromText}\" is not a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDThh:mm:ssZ).");
        }

        if (values.TryGetValue(UntilArgument, out var untilText) && (until = OaiDate.Parse(untilText)) is null)
        {
            return Fail(OaiPmhError.BadArgument, $"until=\"{untilText}\" is not a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDThh:mm:ssZ).");
        }

        if (from is not null && until is not null)
        {
            if (from.IsDay != until.IsDay)
            {
                return Fail(OaiPmhError.BadArgument, "from and until must have the same granularity (both days or both seconds).");
            }

            if (from.Utc > until.Utc)
            {
                return Fail(OaiPmhError.BadArgument, "from is after until.");
            }
        }

        return (new OaiPmhRequest(verb, values) { From = from, Until = until }, null);
    }

    private static (OaiPmhRequest?, OaiPmhError?) Fail(string code, string message) => (null, new OaiPmhError(code, message));

    // The protocol schema's metadataPrefixType and setSpecType.
    [GeneratedRegex(@"^[A-Za-z0-9\-_\.!~\*'\(\)]+\z")]
    private static partial Regex SpecPattern();

    [GeneratedRegex(@"^[A-Za-z0-9\-_\.!~\*'\(\)]+(:[A-Za-z0-9\-_\.!~\*'\(\)]+)*\z")]
    private static partial Regex SetSpecPattern();
}
