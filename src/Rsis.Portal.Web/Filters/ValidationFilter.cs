using FluentValidation;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Rsis.Portal.Web.Filters;

/// <summary>
/// The one place where invalid input becomes an answer: a value that does not bind (<c>?year=abc</c>,
/// <c>Status=Bogus</c>, <c>PublishAtUtc=not-a-date</c>) or a <see cref="ValidationException"/> from the
/// validation behaviour. A POSTed form is shown again with the messages beside its fields; a GET or HEAD gets
/// the 400 page listing them; a JSON request, a 400 problem document.
/// </summary>
/// <remarks>
/// A value that does not bind stops the action before it runs, like a failed rule: otherwise the action would
/// carry on with the type's default in its place (a bad status saved as Draft, a bad date dropped) and say
/// "saved". Undefined numbers for an enum (<c>Status=2</c>) are refused by MVC's enum binder, and again by the
/// commands' validators (<c>IsInEnum</c>).
/// </remarks>
public sealed class ValidationFilter(IModelMetadataProvider metadataProvider) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!context.ModelState.IsValid)
        {
            context.Result = await RefusedAsync(context, BindingProblems(context));
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
        executed.Result = await RefusedAsync(context, validation.Errors.Select(e => e.ErrorMessage).Distinct().ToList());
    }

    private static async Task<IActionResult> RefusedAsync(ActionExecutingContext context, IReadOnlyList<string> problems) =>
        WantsJson(context.HttpContext.Request)
            ? new BadRequestObjectResult(new ValidationProblemDetails(context.ModelState))
            : IsRead(context.HttpContext.Request) || context.Controller is not Controller controller
                ? BadRequestPage(problems)
                : await RedisplayFormAsync(controller, context);

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

    /// <summary>
    /// What did not bind, in words: MVC's own messages ("The value 'Bogus' is not valid for Status.") are
    /// replaced in place, so the form shows “Bogus” is not a valid status. beside the field. An address names
    /// the parameter as it is typed in it (“abc” is not a valid year.); a form names the field.
    /// </summary>
    private List<string> BindingProblems(ActionExecutingContext context)
    {
        var inAddress = IsRead(context.HttpContext.Request);
        var problems = new List<string>();
        foreach (var (key, entry) in context.ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => (e.Key, e.Value!)))
        {
            var name = inAddress ? key : FieldName(context.ActionDescriptor, key);
            var message = (key, entry.AttemptedValue) switch
            {
                ("", _) => "What was sent could not be read.",
                (_, { Length: > 0 } value) => $"“{value}” is not a valid {name}.",
                // An empty field of a type that has no "empty" (a date, a status): the default is not an answer.
                (_, not null) when !inAddress => $"The {name} is missing.",
                (_, { } value) => $"“{value}” is not a valid {name}.",
                _ => $"The {name} is not valid.",
            };
            entry.Errors.Clear();
            entry.Errors.Add(message);
            problems.Add(message);
        }

        return problems;
    }

    /// <summary>
    /// A form field's name as a person reads it: its <c>[Display(Name)]</c>, else its property name in words
    /// (<c>SeriesId</c> → series, <c>Status</c> → status).
    /// </summary>
    private string FieldName(ActionDescriptor action, string key)
    {
        var path = key.Split('.').Select(part => part.Split('[')[0]).Where(part => part.Length > 0).ToList();
        foreach (var parameter in action.Parameters)
        {
            var steps = path.Count > 1 && string.Equals(path[0], parameter.BindingInfo?.BinderModelName ?? parameter.Name, StringComparison.OrdinalIgnoreCase)
                ? path.Skip(1).ToList()
                : path;
            var type = parameter.ParameterType;
            ModelMetadata? property = null;
            foreach (var step in steps)
            {
                property = PropertyNamed(type, step);
                if (property is null)
                {
                    break;
                }

                type = property.ElementType ?? property.ModelType;
            }

            if (property is not null)
            {
                return property.DisplayName ?? InWords(property.PropertyName!);
            }
        }

        return path.Count > 0 ? InWords(path[^1]) : key;
    }

    /// <summary>A property of the type by the name a form posts it under, also inside one bound without a name (a form's fields record).</summary>
    private ModelMetadata? PropertyNamed(Type type, string name)
    {
        var properties = metadataProvider.GetMetadataForProperties(type).ToList();
        return properties.FirstOrDefault(p => string.Equals(p.PropertyName, name, StringComparison.OrdinalIgnoreCase))
            ?? properties.Where(p => p.BinderModelName == "").Select(p => PropertyNamed(p.ModelType, name)).FirstOrDefault(p => p is not null);
    }

    /// <summary><c>PublishedOn</c> → published on; <c>AuthorIds</c> → author: a trailing Id or Ids says nothing to a person.</summary>
    private static string InWords(string propertyName)
    {
        var words = System.Text.RegularExpressions.Regex.Split(propertyName, "(?<=[a-z0-9])(?=[A-Z])").ToList();
        if (words.Count > 1 && words[^1] is "Id" or "Ids")
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words).ToLowerInvariant();
    }

    private static ViewResult BadRequestPage(IReadOnlyList<string> problems) => new()
    {
        ViewName = "~/Views/Errors/Status.cshtml",
        StatusCode = StatusCodes.Status400BadRequest,
        ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary())
        {
            Model = StatusPage.BadRequest(problems),
        },
    };

    /// <summary>GET and HEAD read a page: their bad values are in the address, so they get the 400 page, not a form.</summary>
    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    internal static bool WantsJson(HttpRequest request) =>
        request.HasJsonContentType()
        || request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
}
