using System.Buffers.Binary;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Rsis.Portal.Infrastructure.Pdf;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>PDFs as staff upload them, made with PDFsharp: a long report with text, and a scan with none.</summary>
public static class ReportPdfs
{
    /// <summary>
    /// A report of <paramref name="pages"/> pages of ordinary text; <paramref name="word"/> is on page
    /// <paramref name="wordPage"/> and nowhere else.
    /// </summary>
    public static byte[] WithWordOnPage(int pages, int wordPage, string word)
    {
        PublicationFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        var font = new XFont(PublicationFontResolver.Sans, 11);
        for (var number = 1; number <= pages; number++)
        {
            var page = document.AddPage();
            using var graphics = XGraphics.FromPdfPage(page);
            graphics.DrawString($"Annual report, page {number}", font, XBrushes.Black, new XPoint(72, 72));
            graphics.DrawString("Regional security cooperation continued through the year.", font, XBrushes.Black, new XPoint(72, 96));
            if (number == wordPage)
            {
                graphics.DrawString($"The delegation discussed {word} at length.", font, XBrushes.Black, new XPoint(72, 120));
            }
        }

        return Save(document);
    }

    /// <summary>
    /// A one-page "scan": a photograph-like image of about <paramref name="imageBytes"/> bytes (noise, which no
    /// compression shrinks) and no text layer at all.
    /// </summary>
    public static byte[] ScanWithoutText(int imageBytes)
    {
        var side = (int)Math.Sqrt(imageBytes / 3.0) / 4 * 4;
        using var bitmap = new MemoryStream(Bitmap(side, side));
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(page))
        using (var image = XImage.FromStream(bitmap))
        {
            graphics.DrawImage(image, 0, 0, page.Width.Point, page.Height.Point);
        }

        return Save(document);
    }

    private static byte[] Save(PdfDocument document)
    {
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>A 24-bit BMP of random pixels (rows a multiple of 4 bytes, since the width is).</summary>
    private static byte[] Bitmap(int width, int height)
    {
        const int headers = 14 + 40;
        var pixels = width * height * 3;
        var bmp = new byte[headers + pixels];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), headers);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(34), pixels);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(38), 2835);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(42), 2835);
        new Random(14).NextBytes(bmp.AsSpan(headers));
        return bmp;
    }
}
