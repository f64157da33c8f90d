namespace Rsis.Portal.Web.Configuration;

/// <summary>The <c>Feedback</c> configuration section: how often one client may send feedback.</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";
    public const string RateLimitPolicy = "feedback";

    public int PermitsPerWindow { get; set; } = 5;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class FeedbackRateLimiting
{
    /// <summary>
    /// At most <see cref="FeedbackOptions.PermitsPerWindow"/> submissions a window per client address. The
    /// address is only a key in memory here; it is never stored. A rejected request gets 429 with Retry-After:
    /// JSON for the widget, the site's 429 page otherwise.
    /// </summary>
    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(FeedbackOptions.SectionName).Get<FeedbackOptions>() ?? new FeedbackOptions();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(FeedbackOptions.RateLimitPolicy, context =>
                ClientRateLimits.PerClientAddress(context, FeedbackOptions.RateLimitPolicy, options.PermitsPerWindow, options.Window));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = ClientRateLimits.SecondsUntilNextWindow(context.HttpContext);
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (context.HttpContext.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
                {
                    await response.WriteAsJsonAsync(
                        new { message = $"You have sent feedback several times in a short while. Please try again in {seconds} seconds." },
                        cancellationToken);
                }
            };
        });
    }
}
