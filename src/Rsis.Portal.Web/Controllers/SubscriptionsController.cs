using Microsoft.AspNetCore.RateLimiting;

namespace Rsis.Portal.Web.Controllers;

/// <summary>
/// Email subscriptions for readers: the form, and the pages the mailed links open. None of these pages is output
/// cached (each carries its own antiforgery token or link), and a link's page only shows a button: what a link does
/// is done by the POST, so a mail scanner that opens links changes nothing.
/// </summary>
public sealed class SubscriptionsController(ISender sender) : Controller, IRedisplaysForms
{
    private const int MaxRequestBytes = 16 * 1024;

    [HttpGet("/subscribe")]
    public async Task<IActionResult> Index([FromQuery] string? list, CancellationToken cancellationToken)
    {
        await PrepareRedisplayAsync(new Subscribe(), cancellationToken);
        // The footer's two links choose their list; without one, new publications (the portal's main list).
        return View(list == "events"
            ? new Subscribe { Publications = SubscriptionFields.PublicationsNone, Events = true }
            : new Subscribe { Publications = SubscriptionFields.PublicationsAll });
    }

    [HttpPost("/subscribe")]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(SubscribeLimits.RateLimitPolicy)]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(ValueLengthLimit = MaxRequestBytes, ValueCountLimit = 200)]
    public async Task<IActionResult> Index([FromForm] Subscribe command, CancellationToken cancellationToken)
    {
        await sender.Send(command, cancellationToken);
        return RedirectToAction(nameof(CheckInbox));
    }

    [HttpGet("/subscribe/check-inbox")]
    public IActionResult CheckInbox() => View();

    [HttpGet("/subscribe/confirm")]
    public async Task<IActionResult> Confirm([FromQuery] string? subscriber, [FromQuery] string? token, CancellationToken cancellationToken) =>
        await LinkPageAsync(LinkPurpose.Confirm, subscriber, token, "Confirm", cancellationToken);

    [HttpPost("/subscribe/confirm")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ConfirmPost([FromForm] string? subscriber, [FromForm] string? token, CancellationToken cancellationToken) =>
        await LinkActionAsync(new ConfirmSubscription(subscriber, token), LinkPurpose.Confirm, "Confirmed", cancellationToken);

    [HttpGet("/subscribe/manage")]
    public async Task<IActionResult> Manage([FromQuery] string? subscriber, [FromQuery] string? token, CancellationToken cancellationToken)
    {
        var managed = await sender.Send(new GetSubscriptionForManaging(subscriber, token), cancellationToken);
        if (managed.Fields is null)
        {
            return LinkProblem(managed.Outcome, LinkPurpose.Manage);
        }

        await PrepareRedisplayAsync(managed, cancellationToken);
        ViewData["Email"] = managed.Email;
        return View(new ChangeLists
        {
            Subscriber = subscriber,
            Token = token,
            Publications = managed.Fields.Publications,
            Series = managed.Fields.Series,
            Events = managed.Fields.Events,
            Frequency = managed.Fields.Frequency,
        });
    }

    [HttpPost("/subscribe/manage")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(ValueLengthLimit = MaxRequestBytes, ValueCountLimit = 200)]
    public async Task<IActionResult> Manage([FromForm] ChangeLists command, CancellationToken cancellationToken) =>
        await LinkActionAsync(command, LinkPurpose.Manage, "Saved", cancellationToken);

    [HttpGet("/unsubscribe")]
    [HttpGet("/unsubscribe/one-click")]
    public async Task<IActionResult> Unsubscribe([FromQuery] string? subscriber, [FromQuery] string? token, CancellationToken cancellationToken) =>
        await LinkPageAsync(LinkPurpose.Manage, subscriber, token, "Unsubscribe", cancellationToken);

    [HttpPost("/unsubscribe")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> UnsubscribePost([FromForm] string? subscriber, [FromForm] string? token, CancellationToken cancellationToken) =>
        await LinkActionAsync(new Unsubscribe(subscriber, token), LinkPurpose.Manage, "Unsubscribed", cancellationToken);

    /// <summary>
    /// RFC 8058 one-click unsubscribing: the mail client POSTs <c>List-Unsubscribe=One-Click</c> to the address in the
    /// <c>List-Unsubscribe</c> header, with no page and no cookie, so there is no antiforgery token to send. Exempt,
    /// this endpoint only: a forged request would need the signed link itself, which only the recipient has, and all it
    /// could do is what the link is for.
    /// </summary>
    [HttpPost("/unsubscribe/one-click")]
    [IgnoreAntiforgeryToken]
    [RequestSizeLimit(MaxRequestBytes)]
    public async Task<IActionResult> OneClick(
        [FromQuery] string? subscriber, [FromQuery] string? token, [FromForm(Name = "List-Unsubscribe")] string? listUnsubscribe,
        CancellationToken cancellationToken)
    {
        if (listUnsubscribe != "One-Click")
        {
            return BadRequest("Send List-Unsubscribe=One-Click, or open the link in a browser.");
        }

        var outcome = await sender.Send(new Unsubscribe(subscriber, token), cancellationToken);
        return outcome switch
        {
            LinkOutcome.Done or LinkOutcome.Used => Content("Unsubscribed.", "text/plain"),
            _ => BadRequest("This unsubscribe link is not valid."),
        };
    }

    public async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken) =>
        ViewData["SeriesChoices"] = await sender.Send(new ListSeriesToSubscribe(), cancellationToken);

    private async Task<IActionResult> LinkPageAsync(LinkPurpose purpose, string? subscriber, string? token, string view, CancellationToken cancellationToken)
    {
        var outcome = await sender.Send(new CheckSubscriptionLink(purpose, subscriber, token), cancellationToken);
        return outcome == LinkOutcome.Done ? View(view, new SubscriptionLinkModel(subscriber!, token!)) : LinkProblem(outcome, purpose);
    }

    /// <summary>What a link's button does: the page saying it is done, or why it could not be.</summary>
    private async Task<ViewResult> LinkActionAsync(ICommand<LinkOutcome> command, LinkPurpose purpose, string doneView, CancellationToken cancellationToken)
    {
        var outcome = await sender.Send(command, cancellationToken);
        return outcome == LinkOutcome.Done ? View(doneView) : LinkProblem(outcome, purpose);
    }

    private ViewResult LinkProblem(LinkOutcome outcome, LinkPurpose purpose)
    {
        var (status, title, message) = (outcome, purpose) switch
        {
            (LinkOutcome.Expired, _) => (StatusCodes.Status410Gone, "This confirmation link has expired",
                "Confirmation links work for 48 hours. Subscribe again and we will send you a new one."),
            (LinkOutcome.Used, LinkPurpose.Confirm) => (StatusCodes.Status410Gone, "This link has been used",
                "This confirmation link has been used already, or a newer one replaced it. If you confirmed, you are subscribed; the emails you receive have a link to change your lists."),
            (LinkOutcome.Used, _) => (StatusCodes.Status410Gone, "This address is not subscribed",
                "This link belongs to a subscription that has ended, so there is nothing to change. You can subscribe again at any time."),
            _ => (StatusCodes.Status400BadRequest, "This link is not complete",
                "The link does not match one we sent. It may have been cut in two by your email program: copy the whole link from the email into the address bar."),
        };
        var page = View("LinkProblem", new StatusPage(status, title, message, []));
        page.StatusCode = status;
        return page;
    }
}
