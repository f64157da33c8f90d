using System.Net.Http.Headers;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>Uploading the promo's picture as staff do, on its screen under Site settings.</summary>
public static class PromoImageUploads
{
    public const string Screen = "/admin/settings/promo-image";

    /// <summary>Posts <paramref name="content"/> as the chosen file; an empty <paramref name="fileName"/> chooses none.</summary>
    public static async Task<HttpResponseMessage> UploadPromoImageAsync(this HttpClient staff, byte[] content, string fileName, string contentType)
    {
        var page = await staff.GetPageAsync(Screen);
        var token = FormFields.Of(page, $"form[action='{Screen}']")[StaffSignIn.TokenField]!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), StaffSignIn.TokenField);
        if (fileName.Length > 0)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "File", fileName);
        }

        return await staff.PostAsync(new Uri(Screen, UriKind.Relative), form, TestContext.Current.CancellationToken);
    }
}
