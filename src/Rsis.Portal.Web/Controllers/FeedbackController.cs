using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.RateLimiting;

namespace Rsis.Portal.Web.Controllers;

/// <summary>
/// "Help us improve". The widget on every (cached) page posts here with fetch, after asking
/// <c>/feedback/token</c> for an antiforgery token; without JavaScript, <c>/feedback</c> is the same form
/// on a page of its own (post, redirect, get).
/// </summary>
public sealed class FeedbackController(ISender sender, IAntiforgery antiforgery) : Controller
{
    public const string ThanksMessage = "Thank you for your feedback.";

    /// <summary>Generous for two 255-character comments in any script, tiny next to an attack.</summary>
    private const int MaxRequestBytes = 32 * 1024;

    [HttpGet("/feedback")]
    public IActionResult Index([FromQuery] string? page) => View(new FeedbackForm { Page = page });

    [HttpPost("/feedback")]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(FeedbackOptions.RateLimitPolicy)]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(ValueLengthLimit = MaxRequestBytes, ValueCountLimit = 20)]
    public async Task<IActionResult> Index(FeedbackForm form, CancellationToken cancellationToken)
    {
        // A filled-in honeypot is a bot: thank it and keep nothing.
        if (string.IsNullOrEmpty(form.Website))
        {
            await sender.Send(
                new SubmitFeedback(form.Rating, form.Liked, form.CouldImprove, form.Email, form.Page, Request.Headers.UserAgent.ToString()),
                cancellationToken);
        }

        return WantsJson() ? Ok(new { message = ThanksMessage }) : RedirectToAction(nameof(Thanks));
    }

    [HttpGet("/feedback/thanks")]
    public IActionResult Thanks() => View();

    /// <summary>A fresh antiforgery token for the widget; never cached, so cached pages need not carry one.</summary>
    [HttpGet("/feedback/token")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Token()
    {
        var tokens = antiforgery.GetAndStoreTokens(HttpContext);
        return Json(new { field = tokens.FormFieldName, token = tokens.RequestToken });
    }

    private bool WantsJson() => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
