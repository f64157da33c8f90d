using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Rsis.Portal.Web.Models;

namespace Rsis.Portal.Web.Filters;

/// <summary>
/// The one place where invalid input becomes an answer. A value that does not bind (<c>?year=abc</c>)
/// or a <see cref="ValidationException"/> from the validation behaviour gives:
/// a POSTed form shown again with the messages beside its fields; a GET, the 400 page listing them;
/// a JSON request, a 400 problem document.
/// </summary>
public sealed class ValidationFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!context.ModelState.IsValid && HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            context.Result = BadRequestPage(context.ModelState);
            return;
        }

        var executed = await next();
        if (executed.Exception is not ValidationException validation || executed.ExceptionHandled)
        {
            return;
        }

        foreach (var error in validation.Errors)
        {
            context.ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        executed.ExceptionHandled = true;
        executed.Result = WantsJson(context.HttpContext.Request)
            ? new BadRequestObjectResult(new ValidationProblemDetails(context.ModelState))
            : HttpMethods.IsGet(context.HttpContext.Request.Method) || context.Controller is not Controller controller
                ? BadRequestPage(context.ModelState)
                : RedisplayForm(controller, context);
    }

    private static ViewResult RedisplayForm(Controller controller, ActionExecutingContext context)
    {
        // The form comes back with what the visitor typed: the action's bound model.
        var model = context.ActionArguments.Values.FirstOrDefault(v => v is not null && !v.GetType().IsPrimitive && v is not string);
        var view = controller.View(model);
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }

    private static ViewResult BadRequestPage(ModelStateDictionary modelState) => new()
    {
        ViewName = "~/Views/Errors/Status.cshtml",
        StatusCode = StatusCodes.Status400BadRequest,
        ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary(
            new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), modelState)
        {
            Model = StatusPage.BadRequest(modelState.Values.SelectMany(v => v.Errors)
                .Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "A value in the address is not valid." : e.ErrorMessage)
                .Distinct()
                .ToList()),
        },
    };

    private static bool WantsJson(HttpRequest request) =>
        request.HasJsonContentType()
        || request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
}
