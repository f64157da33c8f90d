using PdfSharp.Drawing;

namespace Rsis.Portal.Infrastructure.Pdf;

internal sealed record TypesetBlock(PublicationBlock Block, IReadOnlyList<TypesetLine> Lines);

internal sealed record PlacedLine(TypesetLine Line, double Left, double Top);

internal sealed record PlacedRule(double X1, double Y1, double X2, double Y2, double Thickness, XColor Color);

/// <summary>What goes on one page's body, in reading order.</summary>
internal sealed class ComposedPage
{
    public List<PlacedLine> Lines { get; } = [];
    public List<PlacedRule> Rules { get; } = [];
}

/// <summary>
/// Flows typeset blocks down the pages. A heading moves to the next page unless it fits there with the first
/// two lines of what follows; a paragraph broken across pages leaves at least two lines on each side (no
/// orphans, no widows) when it can; the space between blocks collapses to the larger of the two and vanishes
/// at the top of a page.
/// </summary>
internal sealed class PageComposer(PageGeometry page)
{
    private const double Tolerance = 0.01;
    private const int LinesKeptTogether = 2;

    private readonly List<ComposedPage> _pages = [];
    private double _y;
    private bool _atTop;

    public IReadOnlyList<ComposedPage> Compose(IReadOnlyList<TypesetBlock> blocks)
    {
        _pages.Clear();
        NewPage();
        var previousSpaceAfter = 0.0;
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i].Block)
            {
                case RuleBlock rule:
                    PlaceRule(rule, previousSpaceAfter);
                    previousSpaceAfter = rule.SpaceAfter;
                    break;
                case TextBlock text when blocks[i].Lines.Count > 0:
                    var lines = blocks[i].Lines;
                    var before = _atTop ? 0 : Math.Max(previousSpaceAfter, text.Style.SpaceBefore);
                    if (text.Style.KeepWithNext && !_atTop
                        && _y + before + Height(lines, lines.Count) + StartOfNext(blocks, i) > page.BodyBottomY + Tolerance)
                    {
                        NewPage();
                        before = 0;
                    }

                    PlaceLines(text, lines, before);
                    previousSpaceAfter = text.Style.SpaceAfter;
                    break;
            }
        }

        return _pages.ToArray();
    }

    private void PlaceRule(RuleBlock rule, double previousSpaceAfter)
    {
        // A rule separates what is above from what is below; at a page break the break already does.
        if (_atTop)
        {
            return;
        }

        var before = Math.Max(previousSpaceAfter, rule.SpaceBefore);
        if (_y + before + rule.Thickness + rule.SpaceAfter > page.BodyBottomY)
        {
            NewPage();
            return;
        }

        _y += before + (rule.Thickness / 2);
        _pages[^1].Rules.Add(new PlacedRule(page.Left, _y, page.Width - page.Right, _y, rule.Thickness, rule.Color));
        _y += rule.Thickness / 2;
    }

    private void PlaceLines(TextBlock block, IReadOnlyList<TypesetLine> lines, double before)
    {
        var index = 0;
        while (index < lines.Count)
        {
            var remaining = lines.Count - index;
            var fit = 0;
            var height = before;
            while (fit < remaining && _y + height + lines[index + fit].Leading <= page.BodyBottomY + Tolerance)
            {
                height += lines[index + fit].Leading;
                fit++;
            }

            var take = remaining;
            if (fit < remaining)
            {
                take = Math.Min(fit, remaining - LinesKeptTogether);
                if (take < LinesKeptTogether)
                {
                    take = 0;
                }

                if (take == 0 && _atTop)
                {
                    // A whole page cannot hold the kept-together lines: break where the page ends.
                    take = Math.Max(1, fit);
                }
            }

            if (take > 0)
            {
                _y += before;
                for (var k = index; k < index + take; k++)
                {
                    Place(block, lines[k]);
                }

                index += take;
            }

            if (index < lines.Count)
            {
                NewPage();
                before = 0;
            }
        }
    }

    private void Place(TextBlock block, TypesetLine line)
    {
        var current = _pages[^1];
        var left = page.Left + block.Indent;
        current.Lines.Add(new PlacedLine(line, left, _y));
        if (block.InQuote)
        {
            var barX = left - (PublicationStyles.QuoteIndent / 2);
            current.Rules.Add(new PlacedRule(barX, _y, barX, _y + line.Leading, 1.5, PublicationStyles.Hairline));
        }

        _y += line.Leading;
        _atTop = false;
    }

    /// <summary>The height a heading must find room for below itself: the start of the block it introduces.</summary>
    private static double StartOfNext(IReadOnlyList<TypesetBlock> blocks, int index)
    {
        if (blocks[index].Block is not TextBlock current)
        {
            return 0;
        }

        for (var j = index + 1; j < blocks.Count; j++)
        {
            if (blocks[j].Block is not TextBlock next)
            {
                return 0;
            }

            var lines = blocks[j].Lines;
            if (lines.Count == 0)
            {
                continue;
            }

            var gap = Math.Max(current.Style.SpaceAfter, next.Style.SpaceBefore);
            return next.Style.KeepWithNext
                ? gap + Height(lines, lines.Count) + StartOfNext(blocks, j)
                : gap + Height(lines, Math.Min(LinesKeptTogether, lines.Count));
        }

        return 0;
    }

    private static double Height(IReadOnlyList<TypesetLine> lines, int count)
    {
        var height = 0.0;
        for (var k = 0; k < count; k++)
        {
            height += lines[k].Leading;
        }

        return height;
    }

    private void NewPage()
    {
        _pages.Add(new ComposedPage());
        _y = page.BodyTop;
        _atTop = true;
    }
}
