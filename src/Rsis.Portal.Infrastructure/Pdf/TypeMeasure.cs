using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Rsis.Portal.Infrastructure.Pdf;

/// <summary>
/// The fonts of one render and the widths of the text set in them. One per render, never shared: PDFsharp's
/// measuring context is not meant for several threads, and the width cache would only grow.
/// </summary>
internal sealed class TypeMeasure : IDisposable
{
    // Unicode encoding so curly quotes, dashes and accented letters are never squeezed through a code page.
    private static readonly XPdfFontOptions FontOptions = new(PdfFontEncoding.Unicode);

    private readonly XGraphics _measure;
    private readonly Dictionary<(string Family, double Size, bool Bold, bool Italic), XFont> _fonts = [];
    private readonly Dictionary<(XFont Font, string Text), double> _widths = [];

    public TypeMeasure(PageGeometry page) =>
        _measure = XGraphics.CreateMeasureContext(new XSize(page.Width, page.Height), XGraphicsUnit.Point, XPageDirection.Downwards);

    public XFont Font(string family, double size, bool bold, bool italic)
    {
        var key = (family, size, bold, italic);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var style = (bold, italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(family, size, style, FontOptions);
            _fonts[key] = font;
        }

        return font;
    }

    /// <summary>The font a run is set in: emphasis toggles italic (so it stays visible inside italic text) and adds bold.</summary>
    public XFont Font(BlockStyle style, RunEmphasis emphasis)
    {
        if (emphasis.HasFlag(RunEmphasis.Code))
        {
            // Monospace runs a little wide against Times-like text; a smaller size keeps the line's colour even.
            return Font(PublicationFontResolver.Mono, Math.Round(style.Size * 0.88, 1), bold: false, italic: false);
        }

        return Font(style.Family, style.Size, style.Bold || emphasis.HasFlag(RunEmphasis.Bold), style.Italic ^ emphasis.HasFlag(RunEmphasis.Italic));
    }

    public double Width(string text, XFont font)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var key = (font, text);
        if (!_widths.TryGetValue(key, out var width))
        {
            width = _measure.MeasureString(text, font).Width;
            _widths[key] = width;
        }

        return width;
    }

    /// <summary>Width without caching, for the many prefixes tried when a long word is broken.</summary>
    public double WidthOfPrefix(string text, XFont font) => _measure.MeasureString(text, font).Width;

    /// <summary>Distance from the top of a line to its baseline, centring the font's height in the leading.</summary>
    public static double BaselineOffset(XFont font, double leading)
    {
        var metrics = font.Metrics;
        var ascent = metrics.Ascent * font.Size / metrics.UnitsPerEm;
        var descent = Math.Abs(metrics.Descent) * font.Size / metrics.UnitsPerEm;
        return ((leading - ascent - descent) / 2) + ascent;
    }

    public void Dispose() => _measure.Dispose();
}
