using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Rsis.Portal.Application.Publications.GetPublicationPdf;

namespace Rsis.Portal.Infrastructure.Pdf;

/// <summary>
/// Typesets a publication on A4 with PDFsharp: the text is laid out first (<see cref="PublicationFlow"/>,
/// <see cref="ParagraphTypesetter"/>, <see cref="PageComposer"/>), so the page count is known when each page is
/// drawn with its running header and its "Page N of M" footer. Holds no state between renders: safe for
/// concurrent requests as a singleton.
/// </summary>
public sealed class PublicationPdfRenderer : IPublicationPdfRenderer
{
    /// <summary>Bump whenever the output changes for the same publication: layout, styles, fonts, metadata.</summary>
    public const string CurrentVersion = "pdf-1";

    public PublicationPdfRenderer() => PublicationFontResolver.EnsureInstalled();

    public string Version => CurrentVersion;

    public byte[] Render(PublicationDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var geometry = PublicationStyles.Page;

        using var measure = new TypeMeasure(geometry);
        var typesetter = new ParagraphTypesetter(measure);
        var typeset = PublicationFlow.Build(document)
            .Select(block => new TypesetBlock(block, block is TextBlock text ? typesetter.Typeset(text, geometry.ColumnWidth - text.Indent) : []))
            .ToList();
        var pages = new PageComposer(geometry).Compose(typeset);

        using var pdf = new PdfDocument();
        Describe(pdf, document);
        var brushes = new Dictionary<XColor, XBrush>();
        XBrush Brush(XColor color) => brushes.TryGetValue(color, out var brush) ? brush : brushes[color] = new XSolidBrush(color);

        var headerFont = measure.Font(PublicationStyles.RunningHeader, RunEmphasis.None);
        var footerFont = measure.Font(PublicationStyles.RunningFooter, RunEmphasis.None);
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(geometry.Width);
            page.Height = XUnit.FromPoint(geometry.Height);
            using var gfx = XGraphics.FromPdfPage(page);

            DrawRunningHeader(gfx, geometry, document.SchoolName, headerFont, Brush(PublicationStyles.Muted));
            foreach (var rule in pages[i].Rules)
            {
                gfx.DrawLine(new XPen(rule.Color, rule.Thickness), rule.X1, rule.Y1, rule.X2, rule.Y2);
            }

            foreach (var line in pages[i].Lines)
            {
                foreach (var fragment in line.Line.Fragments)
                {
                    gfx.DrawString(fragment.Text, fragment.Font, Brush(fragment.Color), line.Left + fragment.X, line.Top + line.Line.BaselineOffset, XStringFormats.BaseLineLeft);
                }

                AddLinks(page, geometry, line);
            }

            DrawRunningFooter(gfx, geometry, document.Code, i + 1, pages.Count, footerFont, Brush(PublicationStyles.Muted));
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Describe(PdfDocument pdf, PublicationDocument document)
    {
        pdf.Info.Title = document.Title;
        pdf.Info.Author = string.Join(", ", document.Authors);
        pdf.Info.Subject = document.Synopsis;
        pdf.Info.Keywords = string.Join(", ", document.Categories);
        pdf.Info.Creator = $"{document.SchoolName} publication portal ({CurrentVersion})";

        // The publication date, not the clock: the same publication always carries the same metadata.
        var published = document.PublishedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        pdf.Info.CreationDate = published;
        pdf.Info.ModificationDate = published;
        pdf.Language = "en";
        pdf.ViewerPreferences.DisplayDocTitle = true;
    }

    private static void DrawRunningHeader(XGraphics gfx, PageGeometry page, string schoolName, XFont font, XBrush brush)
    {
        const double baseline = 50;
        // The trailing spaces keep header, body and footer apart in text copied or extracted from the PDF.
        gfx.DrawString(schoolName + " ", font, brush, page.Left, baseline, XStringFormats.BaseLineLeft);
        gfx.DrawLine(new XPen(PublicationStyles.Accent, 0.75), page.Left, baseline + 8, page.Width - page.Right, baseline + 8);
    }

    private static void DrawRunningFooter(XGraphics gfx, PageGeometry page, string code, int number, int count, XFont font, XBrush brush)
    {
        var ruleY = page.Height - 62;
        var baseline = ruleY + 14;
        gfx.DrawLine(new XPen(PublicationStyles.Hairline, 0.5), page.Left, ruleY, page.Width - page.Right, ruleY);
        if (!string.IsNullOrWhiteSpace(code))
        {
            gfx.DrawString(code + " ", font, brush, page.Left, baseline, XStringFormats.BaseLineLeft);
        }

        var pageOf = string.Create(CultureInfo.InvariantCulture, $"Page {number} of {count}");
        gfx.DrawString(pageOf, font, brush, page.Width - page.Right, baseline, XStringFormats.BaseLineRight);
    }

    /// <summary>One clickable area per run of a link on a line, over the words and the spaces between them.</summary>
    private static void AddLinks(PdfPage page, PageGeometry geometry, PlacedLine line)
    {
        var fragments = line.Line.Fragments;
        for (var i = 0; i < fragments.Count; i++)
        {
            if (fragments[i].Link is not { } url)
            {
                continue;
            }

            var last = i;
            while (last + 1 < fragments.Count && fragments[last + 1].Link == url)
            {
                last++;
            }

            var left = line.Left + fragments[i].X;
            var right = line.Left + fragments[last].X + fragments[last].Width;
            var height = line.Line.Leading;

            // Annotations are placed in PDF space, whose origin is the page's bottom-left corner.
            var bottom = geometry.Height - (line.Top + height);
            page.AddWebLink(new PdfRectangle(new XRect(left, bottom, right - left, height)), url);
            i = last;
        }
    }
}
