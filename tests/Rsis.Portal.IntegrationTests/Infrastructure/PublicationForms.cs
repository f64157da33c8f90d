using System.Net;
using System.Text.RegularExpressions;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>Working the admin publication forms as a member of staff does: open the form, change fields, send it.</summary>
public static partial class PublicationForms
{
    public const string FormSelector = "#publication-form";

    /// <summary>Opens "New publication", fills in a title and text (keeping the suggested code), and creates it; answers its id.</summary>
    public static async Task<int> CreatePublicationAsync(
        this HttpClient staff, string title, string status = "Draft", string body = "The first paragraph.\n\n## A subheading\n\nThe second paragraph.",
        Action<FormFields>? change = null)
    {
        var form = FormFields.Of(await staff.GetPageAsync("/admin/publications/new"), FormSelector)
            .Set("Title", title)
            .Set("Status", status)
            .Set("Synopsis", "A synopsis of " + title)
            .Set("Body", body)
            .Set("PublishedOn", "2026-11-20");
        change?.Invoke(form);

        using var response = await staff.PostFormAsync("/admin/publications/new", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Creating a publication answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return int.Parse(CreatedId().Match(response.Location()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<FormFields> EditFormAsync(this HttpClient staff, int id) =>
        FormFields.Of(await staff.GetPageAsync($"/admin/publications/{id}/edit"), FormSelector);

    public static Task<HttpResponseMessage> SaveAsync(this HttpClient staff, int id, FormFields form) =>
        staff.PostFormAsync($"/admin/publications/{id}/edit", form);

    /// <summary>The public address the edit page gives ("view on site" or "its address will be").</summary>
    public static async Task<string> PublicAddressAsync(this HttpClient staff, int id)
    {
        var page = await staff.GetPageAsync($"/admin/publications/{id}/edit");
        var address = page.QuerySelector(".admin-editor__aside a[href^='/publications/']")?.GetAttribute("href")
            ?? page.QuerySelector(".admin-editor__aside .text-break")?.TextContent.Trim();
        return address ?? throw new InvalidOperationException("The edit page shows no public address.");
    }

    [GeneratedRegex(@"^/admin/publications/(\d+)/edit")]
    private static partial Regex CreatedId();
}
