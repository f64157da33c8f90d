using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Rsis.Portal.Web.Filters;

/// <summary>
/// A staff form refused for its antiforgery token is usually one left open across a sign-out or sign-in, not
/// an attack: still 400, but with a page that says so instead of the public "check the address" page.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ExpiredFormPageAttribute : Attribute, IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = new ViewResult
            {
                ViewName = "~/Areas/Admin/Views/Shared/ExpiredForm.cshtml",
                StatusCode = StatusCodes.Status400BadRequest,
                ViewData = new ViewDataDictionary(
                    new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(),
                    new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary()),
            };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
