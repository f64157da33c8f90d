using PdfSharp.Drawing;
using static Rsis.Portal.Infrastructure.Pdf.PublicationFontResolver;

namespace Rsis.Portal.Infrastructure.Pdf;

/// <summary>
/// The PDF's style sheet, in points: serif body text for long reading, sans-serif for the masthead, headings
/// and the running header and footer, one accent colour.
/// </summary>
internal static class PublicationStyles
{
    public static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    public static readonly XColor Muted = XColor.FromArgb(0x5C, 0x5C, 0x5C);
    public static readonly XColor Accent = XColor.FromArgb(0x8C, 0x1D, 0x2F);
    public static readonly XColor Link = XColor.FromArgb(0x1A, 0x4F, 0x9C);
    public static readonly XColor Hairline = XColor.FromArgb(0xBF, 0xBF, 0xBF);

    /// <summary>A4 portrait with margins wide enough for about 80 characters a line of body text.</summary>
    public static readonly PageGeometry Page = new(
        Width: 595.28, Height: 841.89, Left: 78, Right: 78, BodyTop: 92, BodyBottom: 80);

    public static readonly BlockStyle SeriesLine = new(Sans, 9, 12, Accent, 0, 8, Bold: true, KeepWithNext: true);
    public static readonly BlockStyle Title = new(Sans, 21, 25.5, Ink, 0, 10, Bold: true, KeepWithNext: true);
    public static readonly BlockStyle Authors = new(Sans, 11.5, 15, Ink, 0, 2, KeepWithNext: true);
    public static readonly BlockStyle Date = new(Sans, 9.5, 13, Muted, 0, 0);

    /// <summary>"Synopsis", "Commentary", "About the Author".</summary>
    public static readonly BlockStyle SectionHeading = new(Sans, 12.5, 16, Accent, 20, 7, Bold: true, KeepWithNext: true);

    public static readonly BlockStyle Synopsis = new(Serif, 11.5, 16, Ink, 0, 8, Italic: true, Justify: true);
    public static readonly BlockStyle Body = new(Serif, 11.5, 16, Ink, 0, 8, Justify: true);
    public static readonly BlockStyle Note = new(Serif, 10.5, 14.5, Ink, 0, 6, Justify: true);
    public static readonly BlockStyle Closing = new(Sans, 9, 12.5, Muted, 0, 3);

    /// <summary>Body headings by Markdown level: "#" is rare; "##" is a commentary's sub-heading.</summary>
    public static BlockStyle Heading(int level) => level switch
    {
        <= 1 => new(Sans, 13, 17, Ink, 16, 6, Bold: true, KeepWithNext: true),
        2 => new(Sans, 11.5, 15, Ink, 14, 5, Bold: true, KeepWithNext: true),
        _ => new(Serif, 11.5, 15, Ink, 12, 4, Bold: true, KeepWithNext: true),
    };

    public static readonly BlockStyle CodeBlock = new(Mono, 9, 12.5, Ink, 2, 8);

    public const double ListIndent = 18;
    public const double QuoteIndent = 16;
    public const double ListItemSpacing = 3;

    public static readonly BlockStyle RunningHeader = new(Sans, 8.5, 11, Muted, 0, 0);
    public static readonly BlockStyle RunningFooter = new(Sans, 8.5, 11, Muted, 0, 0);
}

/// <summary>A page and the box the flowing text stays in; the running header and footer sit in the margins.</summary>
internal sealed record PageGeometry(double Width, double Height, double Left, double Right, double BodyTop, double BodyBottom)
{
    public double ColumnWidth => Width - Left - Right;
    public double BodyBottomY => Height - BodyBottom;
}
