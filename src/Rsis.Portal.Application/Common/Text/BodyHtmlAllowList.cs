using System.Collections.Frozen;
using System.Text;
using Markdig.Helpers;

namespace Rsis.Portal.Application.Common.Text;

/// <summary>
/// The HTML a Markdown text (article body, about the authors, biography, content page) may end up as: the
/// elements Markdown itself writes, a few that staff may type for text (abbr, dl, figure…), and nothing that
/// takes input, loads a document, changes the page around it or switches the parser into another mode
/// (form controls, MathML and SVG, style, script, base, meta, object, iframe…). An allow-list, so an element
/// nobody thought of is refused too.
/// </summary>
internal static class BodyHtmlAllowList
{
    public static readonly FrozenSet<string> Elements = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        // What Markdig writes with the renderer's extensions (emphasis extras, auto links, pipe tables).
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code", "em", "strong",
        "a", "img", "hr", "br", "del", "ins", "mark", "sub", "sup", "table", "thead", "tbody", "tr", "th", "td",
        // Text-level HTML a writer may reasonably type.
        "abbr", "b", "i", "u", "s", "small", "cite", "q", "kbd", "samp", "var", "dfn", "time", "wbr", "span", "div",
        "dl", "dt", "dd", "caption", "tfoot", "colgroup", "col", "figure", "figcaption");

    /// <summary>
    /// No id, name or class (they could take over the page's own anchors, scripts' lookups or Bootstrap's
    /// layout classes) and no style.
    /// </summary>
    public static readonly FrozenSet<string> Attributes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "href", "src", "alt", "title", "cite", "datetime", "lang", "dir", "start", "reversed", "colspan", "rowspan", "scope", "span");

    public static readonly FrozenSet<string> Schemes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "http", "https", "mailto");

    // Refused elements whose content is code or a control's value rather than text for a reader: when their end
    // tag follows, the content goes with them. Any other refused element loses only its tags and keeps its text.
    private static readonly FrozenSet<string> ContentNotForReaders = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "script", "style", "template", "textarea", "title", "iframe", "noembed", "noframes", "noscript", "xmp");

    /// <summary>
    /// Keeps the tags of allowed elements and drops every other tag, comment, declaration and processing
    /// instruction from Markdig's HTML; a "&lt;" that starts no tag becomes text. The sanitizer parses the
    /// result like a browser, and a refused tag reaching it could still switch that parser into another mode:
    /// an unclosed &lt;style&gt; turns the rest of the body into style text, which the sanitizer then removes
    /// whole. Filtered first, the sanitizer only ever sees allowed elements, and text after bad markup stays.
    /// </summary>
    public static string KeepAllowedTags(string html)
    {
        var result = new StringBuilder(html.Length);
        var position = 0;
        while (position < html.Length)
        {
            var next = html.IndexOf('<', position);
            if (next < 0)
            {
                result.Append(html, position, html.Length - position);
                break;
            }

            result.Append(html, position, next - position);
            // The grammar Markdig parsed the raw HTML with, so the tags found here are the ones it passed through.
            var slice = new StringSlice(html, next, html.Length - 1);
            if (!HtmlHelper.TryParseHtmlTag(ref slice, out var tag))
            {
                result.Append("&lt;");
                position = next + 1;
                continue;
            }

            position = next + tag.Length;
            var (name, closing) = NameOf(tag);
            if (name is null)
            {
                continue; // a comment, CDATA section, declaration or processing instruction
            }

            if (Elements.Contains(name))
            {
                result.Append(tag);
            }
            else if (!closing && ContentNotForReaders.Contains(name) && EndTagAfter(html, name, position) is { } end)
            {
                position = end;
            }
        }

        return result.ToString();
    }

    private static (string? Name, bool Closing) NameOf(string tag)
    {
        var closing = tag.StartsWith("</", StringComparison.Ordinal);
        var start = closing ? 2 : 1;
        if (start >= tag.Length || !char.IsAsciiLetter(tag[start]))
        {
            return (null, closing);
        }

        var end = start;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-'))
        {
            end++;
        }

        return (tag[start..end], closing);
    }

    /// <summary>Where the text after <paramref name="name"/>'s end tag starts, or null when there is none.</summary>
    private static int? EndTagAfter(string html, string name, int from)
    {
        var endTag = "</" + name;
        for (var at = html.IndexOf(endTag, from, StringComparison.OrdinalIgnoreCase);
             at >= 0;
             at = html.IndexOf(endTag, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var slice = new StringSlice(html, at, html.Length - 1);
            if (HtmlHelper.TryParseHtmlTag(ref slice, out var tag)
                && NameOf(tag).Name?.Equals(name, StringComparison.OrdinalIgnoreCase) == true)
            {
                return at + tag.Length;
            }
        }

        return null;
    }
}
