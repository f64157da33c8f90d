namespace Rsis.Portal.Web.Models;

/// <summary>What the error pages say: a heading, an explanation and, for bad input, what was wrong.</summary>
public sealed record StatusPage(int StatusCode, string Title, string Message, IReadOnlyList<string> Problems)
{
    public static StatusPage For(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => BadRequest([]),
        StatusCodes.Status403Forbidden => new(statusCode, "Not allowed",
            "Your account cannot open this page. Ask an administrator if you need to.", []),
        StatusCodes.Status404NotFound => new(statusCode, "Page not found",
            "We could not find the page you asked for. It may have moved, or the address may be mistyped.", []),
        StatusCodes.Status405MethodNotAllowed => new(statusCode, "Not allowed",
            "This page cannot be used that way.", []),
        StatusCodes.Status410Gone => new(statusCode, "Page removed",
            "This page has been taken down and is no longer available here.", []),
        StatusCodes.Status413PayloadTooLarge => new(statusCode, "Too much data",
            "What you sent is larger than this site accepts.", []),
        StatusCodes.Status429TooManyRequests => new(statusCode, "Too many requests",
            "You have sent a lot of requests in a short time. Please wait a minute and try again.", []),
        >= 500 => new(statusCode, "Something went wrong",
            "Sorry, something went wrong on our side. Please try again in a moment.", []),
        _ => new(statusCode, "Request not completed", "The request could not be completed.", []),
    };

    public static StatusPage BadRequest(IReadOnlyList<string> problems) => new(
        StatusCodes.Status400BadRequest,
        "Please check the address",
        "Part of the address of this page is not valid.",
        problems);
}
