using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.Extensions.Caching.Memory;

namespace Rsis.Portal.Application.Common.Text;

/// <summary>
/// Renders stored Markdown to HTML that is safe to show: Markdig for the Markdown, then only the tags of
/// <see cref="BodyHtmlAllowList"/>, then HtmlSanitizer with the same allow-list for attributes and link schemes,
/// so neither raw HTML in the body nor a "javascript:" link reaches a reader's browser. Every place that
/// shows Markdown goes through here.
/// Sanitizing parses the HTML again and costs far more than the rest of a page, so results are kept by
/// their Markdown text: the same text always gives the same HTML, on every node, and an edit is new text,
/// so nothing ever needs evicting; the least used are dropped beyond <see cref="MemoLimit"/> characters.
/// </summary>
public sealed class MarkdownRenderer : IDisposable
{
    /// <summary>Characters of Markdown and HTML kept (about 32 MB of strings): a few thousand articles.</summary>
    public const long MemoLimit = 16 * 1024 * 1024;

    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = MemoLimit });

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

        return _rendered.GetOrCreate((markdown, headingOffset), entry =>
        {
            var html = Render(markdown, headingOffset);
            entry.Size = markdown.Length + html.Length;
            return html;
        })!;
    }

    public void Dispose() => _rendered.Dispose();

    private string Render(string markdown, int headingOffset)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        if (headingOffset != 0)
        {
            foreach (var heading in document.Descendants<HeadingBlock>())
            {
                heading.Level = Math.Clamp(heading.Level + headingOffset, 1, 6);
            }
        }

        return _sanitizer.Sanitize(BodyHtmlAllowList.KeepAllowedTags(document.ToHtml(_pipeline)));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        // Only what BodyHtmlAllowList names: the library's defaults keep forms, inputs and buttons.
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(BodyHtmlAllowList.Elements);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.UnionWith(BodyHtmlAllowList.Attributes);
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(BodyHtmlAllowList.Schemes);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowDataAttributes = false;
        return sanitizer;
    }
}
