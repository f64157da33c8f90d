using PdfSharp.Drawing;

namespace Rsis.Portal.Infrastructure.Pdf;

/// <summary>One piece of a publication's PDF in reading order: a run of text (paragraph, heading, list item) or a rule.</summary>
internal abstract record PublicationBlock;

/// <summary>
/// Text set in one style. <see cref="Indent"/> is the space left of it (list items, block quotes);
/// <see cref="Marker"/> is a list item's bullet or number, hung in that indent; <see cref="InQuote"/> draws the
/// block quote's bar beside every line.
/// </summary>
internal sealed record TextBlock(
    IReadOnlyList<TextRun> Runs,
    BlockStyle Style,
    double Indent = 0,
    string? Marker = null,
    bool InQuote = false) : PublicationBlock;

internal sealed record RuleBlock(double SpaceBefore, double SpaceAfter, double Thickness, XColor Color) : PublicationBlock;

/// <summary>Text in one emphasis, optionally a link. A run whose text is <c>"\n"</c> is a hard line break.</summary>
internal sealed record TextRun(string Text, RunEmphasis Emphasis = RunEmphasis.None, string? Link = null)
{
    public static readonly TextRun LineBreak = new("\n");
}

[Flags]
internal enum RunEmphasis
{
    None = 0,
    Italic = 1,
    Bold = 2,
    Code = 4,
}

/// <summary>
/// How a block is set, in points. <see cref="Leading"/> is the baseline-to-baseline distance;
/// <see cref="SpaceBefore"/> collapses with the previous block's <see cref="SpaceAfter"/> (the larger wins);
/// <see cref="KeepWithNext"/> marks a heading, never left alone at the foot of a page.
/// </summary>
internal sealed record BlockStyle(
    string Family,
    double Size,
    double Leading,
    XColor Color,
    double SpaceBefore,
    double SpaceAfter,
    bool Bold = false,
    bool Italic = false,
    bool Justify = false,
    bool KeepWithNext = false);
