using Microsoft.Extensions.Primitives;
using Rsis.Portal.Web.Harvesting;

namespace Rsis.Portal.Web.Controllers;

/// <summary>
/// OAI-PMH 2.0 at <c>/oai</c>, for repository harvesters: every answer, errors included, is a 200 with the
/// protocol's XML. GET answers are output-cached per query string, errors excepted; POST (a form body) is not.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class OaiPmhController(OaiPmhResponder responder, IOptions<SiteOptions> site) : Controller
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
        var answer = await responder.AnswerAsync(arguments, site.Value.BaseUrlFor(Request), cancellationToken);
        if (answer.IsError && HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            // Errors are cached per query string like answers, and "?verb=Identify&x=1", "&x=2"… would fill the cache.
            cache.Context.AllowCacheStorage = false;
        }

        return File(answer.Body, OaiPmhDocument.ContentType);
    }
}
