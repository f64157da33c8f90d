using Microsoft.Extensions.Primitives;
using Rsis.Portal.Application.Harvesting;
using Rsis.Portal.Application.Harvesting.DescribeRepository;
using Rsis.Portal.Application.Harvesting.GetHarvestRecord;
using Rsis.Portal.Application.Harvesting.ListHarvestRecords;
using Rsis.Portal.Application.Harvesting.ListHarvestSets;
using Rsis.Portal.Web.Harvesting;

namespace Rsis.Portal.Web.Controllers;

/// <summary>
/// OAI-PMH 2.0 at <c>/oai</c>, for repository harvesters: every answer, errors included, is a 200 with the
/// protocol's XML. GET answers are output-cached per query string; POST (a form body) is not.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class OaiPmhController(
    ISender sender, ResumptionTokens tokens, TimeProvider clock, IOptions<SiteOptions> site, IOptions<HarvestingOptions> harvesting)
    : Controller
{
    [HttpGet(OaiPmhDocument.Path)]
    [OutputCache(PolicyName = OutputCacheConfig.Harvest, Tags = [CacheTags.Publications])]
    public Task<IActionResult> Get(CancellationToken cancellationToken) => AnswerAsync(Request.Query, cancellationToken);

    [HttpPost(OaiPmhDocument.Path)]
    [Consumes("application/x-www-form-urlencoded")]
    public async Task<IActionResult> Post(CancellationToken cancellationToken) =>
        await AnswerAsync(await Request.ReadFormAsync(cancellationToken), cancellationToken);

    private async Task<IActionResult> AnswerAsync(IEnumerable<KeyValuePair<string, StringValues>> arguments, CancellationToken cancellationToken)
    {
        var baseUrl = site.Value.BaseUrlFor(Request);
        var document = new OaiPmhDocument(baseUrl, clock.GetUtcNow().UtcDateTime);
        var (request, error) = OaiPmhRequest.Read(arguments);
        var body = request is null
            ? document.Error(new Dictionary<string, string>(), error!)
            : await RespondAsync(document, request, baseUrl, cancellationToken);
        return File(body, OaiPmhDocument.ContentType);
    }

    private async Task<byte[]> RespondAsync(OaiPmhDocument document, OaiPmhRequest request, string baseUrl, CancellationToken cancellationToken)
    {
        var arguments = request.Arguments;
        if (request.MetadataPrefix is { } prefix && prefix != OaiPmhDocument.DublinCorePrefix)
        {
            return document.Error(arguments, new(OaiPmhError.CannotDisseminateFormat, $"Records are offered as {OaiPmhDocument.DublinCorePrefix} only, not \"{prefix}\"."));
        }

        switch (request.Verb)
        {
            case OaiVerb.Identify:
                var repository = await sender.Send(new DescribeRepository(), cancellationToken);
                return document.Identify(
                    arguments, repository.Name, harvesting.Value.AdminEmailFor(baseUrl), repository.EarliestDatestampUtc ?? clock.GetUtcNow().UtcDateTime);
            case OaiVerb.ListSets:
                return request.ResumptionToken is null
                    ? document.ListSets(arguments, await sender.Send(new ListHarvestSets(), cancellationToken))
                    : document.Error(arguments, new(OaiPmhError.BadResumptionToken, "The list of sets comes whole; it has no resumption tokens."));
            case OaiVerb.ListMetadataFormats or OaiVerb.GetRecord:
                HarvestRecord? record = null;
                if (request.Identifier is { } identifier
                    && (document.CodeOf(identifier) is not { } code
                        || (record = await sender.Send(new GetHarvestRecord(code, request.Verb == OaiVerb.GetRecord), cancellationToken)) is null))
                {
                    return document.Error(arguments, new(OaiPmhError.IdDoesNotExist, $"There is no record \"{identifier}\" here."));
                }

                return record is null || request.Verb == OaiVerb.ListMetadataFormats
                    ? document.ListMetadataFormats(arguments)
                    : document.GetRecord(arguments, record);
            default:
                return await ListAsync(document, request, cancellationToken);
        }
    }

    /// <summary>ListRecords and ListIdentifiers: the first page from the arguments, the next ones from a resumption token.</summary>
    private async Task<byte[]> ListAsync(OaiPmhDocument document, OaiPmhRequest request, CancellationToken cancellationToken)
    {
        HarvestContinuation? continuation = null;
        if (request.ResumptionToken is { } token && ((continuation = tokens.Read(token)) is null || continuation.Verb != request.Verb))
        {
            return document.Error(request.Arguments, new(OaiPmhError.BadResumptionToken, "The resumption token is not one this repository gave, or it has expired."));
        }

        var from = continuation is null ? request.From : OaiDate.Parse(continuation.From ?? "");
        var until = continuation is null ? request.Until : OaiDate.Parse(continuation.Until ?? "");
        var set = continuation is null ? request.Set : continuation.Set;
        var page = await sender.Send(
            new ListHarvestRecords(from?.Utc, until?.EndUtc, set, continuation?.After, request.Verb == OaiVerb.ListRecords), cancellationToken);
        if (page.Records.Count == 0)
        {
            return document.Error(request.Arguments, new(OaiPmhError.NoRecordsMatch, "No record matches these arguments."));
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

        return document.List(request.Arguments, request.Verb, page.Records, resumption);
    }
}
