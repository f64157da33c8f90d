using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Rsis.Portal.Application.Common.Editing;
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
            context.Result = BadRequestPage(BindingProblems(context.ModelState));
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
            if (error.CustomState is CurrentConcurrencyToken current)
            {
                // The form comes back carrying the current token: saving again overwrites knowingly.
                var token = current.Value.ToString();
                context.ModelState.SetModelValue(error.PropertyName, token, token);
            }
        }

        executed.ExceptionHandled = true;
        executed.Result = WantsJson(context.HttpContext.Request)
            ? new BadRequestObjectResult(new ValidationProblemDetails(context.ModelState))
            : HttpMethods.IsGet(context.HttpContext.Request.Method) || context.Controller is not Controller controller
                ? BadRequestPage(validation.Errors.Select(e => e.ErrorMessage).Distinct().ToList())
                : await RedisplayFormAsync(controller, context);
    }

    private static async Task<ViewResult> RedisplayFormAsync(Controller controller, ActionExecutingContext context)
    {
        // The form comes back with what the visitor typed: the action's bound model.
        var model = context.ActionArguments.Values.FirstOrDefault(v => v is not null && !v.GetType().IsPrimitive && v is not string);
        if (model is not null && controller is IRedisplaysForms redisplay)
        {
            await redisplay.PrepareRedisplayAsync(model, context.HttpContext.RequestAborted);
        }

        var view = controller.View(model);
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }

    /// <summary>What did not bind, named by the query parameter: “abc” is not a valid year.</summary>
    private static List<string> BindingProblems(ModelStateDictionary modelState) =>
        modelState.Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select(entry => entry.Value!.AttemptedValue is { } value
                ? $"“{value}” is not a valid {entry.Key}."
                : $"The {entry.Key} is not valid.")
            .ToList();

    private static ViewResult BadRequestPage(IReadOnlyList<string> problems) => new()
    {
        ViewName = "~/Views/Errors/Status.cshtml",
        StatusCode = StatusCodes.Status400BadRequest,
        ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary())
        {
            Model = StatusPage.BadRequest(problems),
        },
    };

    private static bool WantsJson(HttpRequest request) =>
        request.HasJsonContentType()
        || request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
}
