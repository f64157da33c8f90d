using System.Net.Http.Headers;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>Uploading a publication's PDF as staff do, on its "PDF" page.</summary>
public static class PdfUploads
{
    public static async Task<HttpResponseMessage> UploadPdfAsync(this HttpClient staff, int id, byte[] content, string fileName)
    {
        var page = await staff.GetPageAsync($"/admin/publications/{id}/pdf");
        var token = FormFields.Of(page, $"form[action='/admin/publications/{id}/pdf']")[StaffSignIn.TokenField]!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), StaffSignIn.TokenField);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "File", fileName);
        return await staff.PostAsync(new Uri($"/admin/publications/{id}/pdf", UriKind.Relative), form, TestContext.Current.CancellationToken);
    }
}
