using System.Globalization;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Rsis.Portal.Infrastructure.Pdf;

/// <summary>
/// Turns a publication's stored Markdown into the PDF's blocks by walking Markdig's syntax tree. Raw HTML is
/// never shown: HTML blocks and tags are dropped, and so is the text inside script and style elements, as the
/// article page's sanitizer does. Links keep only web and mail targets, resolved against the article's URL.
/// </summary>
internal sealed partial class MarkdownBlockReader
{
    // The article page's extensions (Application's MarkdownRenderer), so the PDF reads the Markdown the same way.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .Build();

    private readonly List<PublicationBlock> _blocks = [];
    private readonly Uri? _baseUrl;
    private string? _pendingMarker;
    private int _hiddenHtmlDepth;
    private int _listDepth;

    private MarkdownBlockReader(Uri? baseUrl) => _baseUrl = baseUrl;

    /// <param name="markdown">A body or an about-the-authors note, as stored.</param>
    /// <param name="paragraph">The style of the text's paragraphs; headings and code have their own.</param>
    /// <param name="baseUrl">Where relative links point from: the article's canonical URL.</param>
    public static IReadOnlyList<PublicationBlock> Read(string? markdown, BlockStyle paragraph, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }

        var reader = new MarkdownBlockReader(baseUrl);
        var context = new Context(paragraph, Indent: 0, InQuote: false);
        foreach (var block in Markdown.Parse(markdown, Pipeline))
        {
            reader.ReadBlock(block, context);
        }

        return reader._blocks;
    }

    /// <summary>A web or mail link the PDF may carry; anything else (javascript:, data:, file paths) is dropped.</summary>
    internal static string? SafeLink(string? url, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && !url.StartsWith('/'))
        {
            return absolute.Scheme is "http" or "https" or "mailto" ? absolute.AbsoluteUri : null;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, url, out var resolved) && resolved.Scheme is "http" or "https"
            ? resolved.AbsoluteUri
            : null;
    }

    private void ReadBlock(Block block, Context context)
    {
        switch (block)
        {
            case HeadingBlock heading:
                AddText(Runs(heading.Inline), PublicationStyles.Heading(heading.Level), context);
                break;
            case ParagraphBlock paragraph:
                AddText(Runs(paragraph.Inline), context.Paragraph, context);
                break;
            case ListBlock list:
                ReadList(list, context);
                break;
            case QuoteBlock quote:
                var quoted = context with { Indent = context.Indent + PublicationStyles.QuoteIndent, InQuote = true };
                foreach (var child in quote)
                {
                    ReadBlock(child, quoted);
                }

                break;
            case CodeBlock code:
                ReadCode(code, context);
                break;
            case ThematicBreakBlock:
                _blocks.Add(new RuleBlock(10, 10, 0.5, PublicationStyles.Hairline));
                break;
            case Table table:
                ReadTable(table, context);
                break;
            case HtmlBlock or LinkReferenceDefinitionGroup:
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    ReadBlock(child, context);
                }

                break;
            case LeafBlock { Inline: { } inline }:
                AddText(Runs(inline), context.Paragraph, context);
                break;
        }
    }

    private void ReadList(ListBlock list, Context context)
    {
        var number = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
        var item = context with
        {
            Indent = context.Indent + PublicationStyles.ListIndent,
            // Tight lists read as one unit; loose ones keep the paragraph spacing between items.
            Paragraph = list.IsLoose ? context.Paragraph : context.Paragraph with { SpaceAfter = PublicationStyles.ListItemSpacing },
        };

        _listDepth++;
        foreach (var child in list)
        {
            _pendingMarker = list.IsOrdered
                ? string.Create(CultureInfo.InvariantCulture, $"{number++}{list.OrderedDelimiter}")
                : _listDepth % 2 == 1 ? "\u2022" : "\u2013";
            ReadBlock(child, item);
        }

        _listDepth--;
        _pendingMarker = null;
        SpaceLikeAParagraph(context);
    }

    /// <summary>A list or table, closely set inside, is spaced from what follows like a paragraph.</summary>
    private void SpaceLikeAParagraph(Context context)
    {
        if (_blocks.Count > 0 && _blocks[^1] is TextBlock last)
        {
            _blocks[^1] = last with { Style = last.Style with { SpaceAfter = Math.Max(last.Style.SpaceAfter, context.Paragraph.SpaceAfter) } };
        }
    }

    private void ReadCode(CodeBlock code, Context context)
    {
        var runs = new List<TextRun>();
        foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
        {
            if (runs.Count > 0)
            {
                runs.Add(TextRun.LineBreak);
            }

            // No-break spaces keep the code's indentation, which the typesetter would otherwise collapse.
            runs.Add(new TextRun(line.Slice.ToString().Replace(' ', '\u00A0'), RunEmphasis.Code));
        }

        AddText(runs, PublicationStyles.CodeBlock, context);
    }

    private void ReadTable(Table table, Context context)
    {
        // A PDF table would need its own layout engine; a row a line, cells apart, keeps every word readable.
        foreach (var row in table.OfType<TableRow>())
        {
            var runs = new List<TextRun>();
            foreach (var cell in row.OfType<TableCell>())
            {
                if (runs.Count > 0)
                {
                    runs.Add(new TextRun(" \u2002|\u2002 "));
                }

                foreach (var paragraph in cell.OfType<LeafBlock>())
                {
                    runs.AddRange(Runs(paragraph.Inline, row.IsHeader ? RunEmphasis.Bold : RunEmphasis.None));
                }
            }

            AddText(runs, context.Paragraph with { Justify = false, SpaceAfter = PublicationStyles.ListItemSpacing }, context);
        }

        SpaceLikeAParagraph(context);
    }

    private void AddText(List<TextRun> runs, BlockStyle style, Context context)
    {
        var marker = _pendingMarker;
        _pendingMarker = null;
        if (runs.All(r => string.IsNullOrWhiteSpace(r.Text)) && marker is null)
        {
            return;
        }

        _blocks.Add(new TextBlock(runs, style, context.Indent, marker, context.InQuote));
    }

    private List<TextRun> Runs(ContainerInline? container, RunEmphasis emphasis = RunEmphasis.None)
    {
        var runs = new List<TextRun>();
        _hiddenHtmlDepth = 0;
        if (container is not null)
        {
            ReadInlines(container, emphasis, link: null, runs);
        }

        return runs;
    }

    private void ReadInlines(ContainerInline container, RunEmphasis emphasis, string? link, List<TextRun> runs)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    Append(runs, literal.Content.ToString(), emphasis, link);
                    break;
                case CodeInline code:
                    Append(runs, code.Content, emphasis | RunEmphasis.Code, link);
                    break;
                case HtmlEntityInline entity:
                    Append(runs, entity.Transcoded.ToString(), emphasis, link);
                    break;
                case LineBreakInline lineBreak:
                    if (lineBreak.IsHard)
                    {
                        runs.Add(TextRun.LineBreak);
                    }
                    else
                    {
                        Append(runs, " ", emphasis, link);
                    }

                    break;
                case HtmlInline html:
                    TrackHiddenHtml(html.Tag);
                    break;
                case AutolinkInline autolink:
                    Append(runs, autolink.Url, emphasis, SafeLink(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, _baseUrl) ?? link);
                    break;
                case LinkInline { IsImage: true } image:
                    // The PDF does not fetch images; their description stands in for them.
                    ReadInlines(image, emphasis | RunEmphasis.Italic, link, runs);
                    break;
                case LinkInline anchor:
                    ReadInlines(anchor, emphasis, SafeLink(anchor.GetDynamicUrl?.Invoke() ?? anchor.Url, _baseUrl) ?? link, runs);
                    break;
                case EmphasisInline emphasisInline:
                    ReadInlines(emphasisInline, emphasis | Emphasis(emphasisInline), link, runs);
                    break;
                case ContainerInline nested:
                    ReadInlines(nested, emphasis, link, runs);
                    break;
            }
        }
    }

    private static RunEmphasis Emphasis(EmphasisInline emphasis) => emphasis.DelimiterChar switch
    {
        '*' or '_' => emphasis.DelimiterCount >= 2 ? RunEmphasis.Bold : RunEmphasis.Italic,
        // Strikethrough, sub- and superscript, inserted and marked text read as plain text in print.
        _ => RunEmphasis.None,
    };

    private void TrackHiddenHtml(string tag)
    {
        var match = HiddenElementTag().Match(tag);
        if (match.Success)
        {
            _hiddenHtmlDepth = match.Groups["close"].Success ? Math.Max(0, _hiddenHtmlDepth - 1) : _hiddenHtmlDepth + 1;
        }
    }

    private void Append(List<TextRun> runs, string text, RunEmphasis emphasis, string? link)
    {
        if (_hiddenHtmlDepth > 0 || text.Length == 0)
        {
            return;
        }

        // Markdig splits text at every delimiter it considered; one run per style keeps words whole.
        if (runs.Count > 0 && runs[^1] is var last && last != TextRun.LineBreak && last.Emphasis == emphasis && last.Link == link)
        {
            runs[^1] = last with { Text = last.Text + text };
        }
        else
        {
            runs.Add(new TextRun(text, emphasis, link));
        }
    }

    [GeneratedRegex(@"^<(?<close>/)?(script|style)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenElementTag();

    private sealed record Context(BlockStyle Paragraph, double Indent, bool InQuote);
}
