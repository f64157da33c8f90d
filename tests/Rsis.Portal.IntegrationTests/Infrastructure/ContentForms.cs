using System.Net;
using System.Text.RegularExpressions;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// Working the admin forms of authors, series, categories and pages as staff do. <c>area</c> is the path under
/// /admin: "authors", "series", "categories" or "pages".
/// </summary>
public static partial class ContentForms
{
    /// <summary>Opens the "new" form, fills it in and sends it; answers the new item's id.</summary>
    public static async Task<int> CreateItemAsync(this HttpClient staff, string area, Action<FormFields> fill)
    {
        using var response = await staff.PostNewItemAsync(area, fill);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Creating in {area} answered {(int)response.StatusCode}: {(await response.ReadPageAsync()).QuerySelector("[data-error-summary]")?.TextContent.Squash()}");
        return int.Parse(CreatedId().Match(response.Location()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> PostNewItemAsync(this HttpClient staff, string area, Action<FormFields> fill)
    {
        var form = FormFields.Of(await staff.GetPageAsync($"/admin/{area}/new"), $"form[action='/admin/{area}/new']");
        fill(form);
        return await staff.PostFormAsync($"/admin/{area}/new", form);
    }

    public static async Task<FormFields> ItemFormAsync(this HttpClient staff, string area, int id) =>
        FormFields.Of(await staff.GetPageAsync($"/admin/{area}/{id}/edit"), $"form[action='/admin/{area}/{id}/edit']");

    public static Task<HttpResponseMessage> SaveItemAsync(this HttpClient staff, string area, int id, FormFields form) =>
        staff.PostFormAsync($"/admin/{area}/{id}/edit", form);

    /// <summary>
    /// Posts a delete confirmation carrying the version and antiforgery token of <paramref name="seen"/> (an edit
    /// form), as a confirmation page opened at the same moment would; used where the page offers no button.
    /// </summary>
    public static Task<HttpResponseMessage> DeleteItemAsync(this HttpClient staff, string area, int id, FormFields seen) =>
        staff.PostFormAsync($"/admin/{area}/{id}/delete",
            new FormFields().Set("ConcurrencyToken", seen["ConcurrencyToken"]!).Set(StaffSignIn.TokenField, seen[StaffSignIn.TokenField]!));

    /// <summary>Opens the delete confirmation page and presses its button.</summary>
    public static async Task<HttpResponseMessage> ConfirmDeleteAsync(this HttpClient staff, string area, int id)
    {
        var page = await staff.GetPageAsync($"/admin/{area}/{id}/delete");
        return await staff.PostFormAsync($"/admin/{area}/{id}/delete", FormFields.Of(page, $"form[action='/admin/{area}/{id}/delete']"));
    }

    /// <summary>The field error shown beside a field, or null.</summary>
    public static string? FieldError(this AngleSharp.Html.Dom.IHtmlDocument page, string field) =>
        page.QuerySelector($"#error-{field}")?.TextContent.Trim();

    [GeneratedRegex(@"^/admin/[a-z]+/(\d+)/edit")]
    private static partial Regex CreatedId();
}
