using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>Reading field errors in the admin forms' views.</summary>
public static class FormErrors
{
    /// <summary>The first message for a field, or null; what the views show beside it.</summary>
    public static string? ErrorFor(this ViewDataDictionary viewData, string field) =>
        viewData.ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>"true" when the field has an error, else null (so the attribute is left out).</summary>
    public static string? InvalidFor(this ViewDataDictionary viewData, string field) => viewData.ErrorFor(field) is null ? null : "true";

    /// <summary>Every message with the field it belongs to, for the summary at the top of a form.</summary>
    public static IReadOnlyList<(string Field, string Message)> AllErrors(this ViewDataDictionary viewData) =>
        viewData.ModelState
            .SelectMany(entry => entry.Value!.Errors.Select(error => (entry.Key, error.ErrorMessage)))
            .ToList();
}
