using Microsoft.Extensions.Primitives;

namespace Rsis.Portal.Web.Harvesting;

/// <summary>The XML an OAI-PMH request is answered with, and whether it is one of the protocol's errors.</summary>
public sealed record OaiPmhAnswer(byte[] Body, bool IsError);

/// <summary>
/// Answers OAI-PMH 2.0 requests: reads the arguments, asks the Application for the repository, its sets and its
/// records, and writes the protocol's XML. List answers page with resumption tokens.
/// </summary>
public sealed class OaiPmhResponder(ISender sender, ResumptionTokens tokens, TimeProvider clock, IOptions<HarvestingOptions> harvesting)
{
    public async Task<OaiPmhAnswer> AnswerAsync(
        IEnumerable<KeyValuePair<string, StringValues>> sent, string baseUrl, CancellationToken cancellationToken)
    {
        var document = new OaiPmhDocument(baseUrl, clock.GetUtcNow().UtcDateTime);
        var (request, error) = OaiPmhRequest.Read(sent);
        if (request is null)
        {
            return Error(document, new Dictionary<string, string>(), error!);
        }

        if (request.MetadataPrefix is { } prefix && prefix != OaiPmhDocument.DublinCorePrefix)
        {
            return Error(document, request.Arguments, new(OaiPmhError.CannotDisseminateFormat, $"Records are offered as {OaiPmhDocument.DublinCorePrefix} only, not \"{prefix}\"."));
        }

        return request.Verb switch
        {
            OaiVerb.Identify => await IdentifyAsync(document, request, cancellationToken),
            OaiVerb.ListSets => await ListSetsAsync(document, request, cancellationToken),
            OaiVerb.ListMetadataFormats or OaiVerb.GetRecord => await DescribeRecordAsync(document, request, cancellationToken),
            _ => await ListAsync(document, request, cancellationToken),
        };
    }

    private async Task<OaiPmhAnswer> IdentifyAsync(OaiPmhDocument document, OaiPmhRequest request, CancellationToken cancellationToken)
    {
        var repository = await sender.Send(new DescribeRepository(), cancellationToken);
        return Answer(document.Identify(
            request.Arguments,
            repository.Name,
            harvesting.Value.AdminEmailFor(document.BaseUrl),
            repository.EarliestDatestampUtc ?? clock.GetUtcNow().UtcDateTime));
    }

    private async Task<OaiPmhAnswer> ListSetsAsync(OaiPmhDocument document, OaiPmhRequest request, CancellationToken cancellationToken)
    {
        if (request.ResumptionToken is not null)
        {
            return Error(document, request.Arguments, new(OaiPmhError.BadResumptionToken, "The list of sets comes whole; it has no resumption tokens."));
        }

        return Answer(document.ListSets(request.Arguments, await sender.Send(new ListHarvestSets(), cancellationToken)));
    }

    /// <summary>ListMetadataFormats (of the repository, or of one record) and GetRecord.</summary>
    private async Task<OaiPmhAnswer> DescribeRecordAsync(OaiPmhDocument document, OaiPmhRequest request, CancellationToken cancellationToken)
    {
        if (request.Identifier is not { } identifier)
        {
            return Answer(document.ListMetadataFormats(request.Arguments));
        }

        var record = document.CodeOf(identifier) is { } code
            ? await sender.Send(new GetHarvestRecord(code, request.Verb == OaiVerb.GetRecord), cancellationToken)
            : null;
        if (record is null)
        {
            return Error(document, request.Arguments, new(OaiPmhError.IdDoesNotExist, $"There is no record \"{identifier}\" here."));
        }

        return Answer(request.Verb == OaiVerb.GetRecord
            ? document.GetRecord(request.Arguments, record)
            : document.ListMetadataFormats(request.Arguments));
    }

    /// <summary>ListRecords and ListIdentifiers: the first page from the arguments, the next ones from a resumption token.</summary>
    private async Task<OaiPmhAnswer> ListAsync(OaiPmhDocument document, OaiPmhRequest request, CancellationToken cancellationToken)
    {
        var continuation = request.ResumptionToken is { } token ? tokens.Read(token) : null;
        if (request.ResumptionToken is not null && (continuation is null || continuation.Verb != request.Verb))
        {
            return Error(document, request.Arguments, new(OaiPmhError.BadResumptionToken, "The resumption token is not one this repository gave, or it has expired."));
        }

        var from = continuation is null ? request.From : OaiDate.Parse(continuation.From ?? "");
        var until = continuation is null ? request.Until : OaiDate.Parse(continuation.Until ?? "");
        var set = continuation is null ? request.Set : continuation.Set;
        var page = await sender.Send(
            new ListHarvestRecords(from?.Utc, until?.EndUtc, set, continuation?.After, request.Verb == OaiVerb.ListRecords), cancellationToken);
        if (page.Records.Count == 0)
        {
            // Also when a harvest under way finds its last records gone: a list holds at least one record.
            return Error(document, request.Arguments, new(OaiPmhError.NoRecordsMatch, "No record matches these arguments."));
        }

        var cursor = continuation?.Cursor ?? 0;
        Resumption? resumption = null;
        if (page.Next is { } next)
        {
            var (nextToken, expires) = tokens.Create(new HarvestContinuation(
                request.Verb, OaiPmhDocument.DublinCorePrefix, set, from?.Text, until?.Text, next, cursor + page.Records.Count));
            resumption = new Resumption(nextToken, expires, page.CompleteListSize, cursor);
        }
        else if (continuation is not null)
        {
            resumption = new Resumption("", null, page.CompleteListSize, cursor);
        }

        return Answer(document.List(request.Arguments, request.Verb, page.Records, resumption));
    }

    private static OaiPmhAnswer Answer(byte[] body) => new(body, IsError: false);

    private static OaiPmhAnswer Error(OaiPmhDocument document, IReadOnlyDictionary<string, string> arguments, OaiPmhError error) =>
        new(document.Error(arguments, error), IsError: true);
}
