namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// The status an unhandled exception answers with. Most are our fault (500), but a request body over its
/// limit, a malformed form or a cancelled request is the client's: it gets the matching 4xx, in the layout.
/// </summary>
public static class ErrorStatus
{
    public static int For(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        // Thrown while reading a form past its length or count limits.
        InvalidDataException => StatusCodes.Status413PayloadTooLarge,
        Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderException { InnerException: InvalidDataException } =>
            StatusCodes.Status413PayloadTooLarge,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
