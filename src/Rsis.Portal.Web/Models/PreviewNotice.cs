using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Rsis.Portal.Web.Models;

/// <summary>
/// Marks a public view drawn as a preview: the layout shows the "Preview — not published" banner and tells search
/// engines to keep out, and the article leaves out what exists only once published (its PDF, its citation files).
/// Put in <c>ViewData</c> under <see cref="Key"/> by the controller that draws the preview.
/// </summary>
/// <param name="EditUrl">Back to the edit form, for staff; null on a shared link.</param>
/// <param name="LinkExpires">When a shared link stops working; null for staff.</param>
/// <param name="Unsaved">Drawn from the form's unsaved values, not from what is stored.</param>
public sealed record PreviewNotice(string? EditUrl, DateTimeOffset? LinkExpires = null, bool Unsaved = false)
{
    public const string Key = "Preview";
}

/// <summary>Drawing the public views as previews, from whichever controller shows one.</summary>
public static class PreviewViews
{
    public static PreviewNotice? Preview(this ViewDataDictionary viewData) => viewData?[PreviewNotice.Key] as PreviewNotice;

    public static ViewResult ArticlePreview(this Controller controller, ArticlePage article, PreviewNotice notice) =>
        Draw(controller, "~/Views/Publications/Article.cshtml", article, notice);

    public static ViewResult PagePreview(this Controller controller, ContentPage page, PreviewNotice notice) =>
        Draw(controller, "~/Views/Pages/Show.cshtml", page, notice);

    public static ViewResult EventPreview(this Controller controller, EventPage page, PreviewNotice notice) =>
        Draw(controller, "~/Views/Events/Show.cshtml", page, notice);

    /// <summary>
    /// The public view itself, with the notice: never stored by a browser or proxy (these actions carry no output
    /// cache policy either), and kept out of search engines by header as well as by meta tag.
    /// </summary>
    private static ViewResult Draw(Controller controller, string view, object model, PreviewNotice notice)
    {
        controller.ViewData[PreviewNotice.Key] = notice;
        controller.Response.Headers.CacheControl = "no-store";
        controller.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        return controller.View(view, model);
    }
}
