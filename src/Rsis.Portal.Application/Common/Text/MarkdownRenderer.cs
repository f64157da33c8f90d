using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace Rsis.Portal.Application.Common.Text;

/// <summary>
/// Renders stored Markdown to HTML that is safe to show: Markdig for the Markdown, then HtmlSanitizer,
/// so neither raw HTML in the body nor a "javascript:" link reaches a reader's browser.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <param name="markdown">The stored Markdown.</param>
    /// <param name="headingOffset">
    /// Levels added to every heading, so that a body's "##" sits under the page's own section headings.
    /// </param>
    public string ToSafeHtml(string? markdown, int headingOffset = 0)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, _pipeline);
        if (headingOffset != 0)
        {
            foreach (var heading in document.Descendants<HeadingBlock>())
            {
                heading.Level = Math.Clamp(heading.Level + headingOffset, 1, 6);
            }
        }

        return _sanitizer.Sanitize(document.ToHtml(_pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("style");
        return sanitizer;
    }
}
