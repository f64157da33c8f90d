using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Rsis.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// PDFs written byte by byte from the objects a test gives (object 1 is the catalog), so a test can put
/// exactly what it means to check into one: an action, a names tree, objects packed into a compressed object
/// stream, or an object the cross-reference table leaves out. Written without the code under test.
/// </summary>
public static class HandMadePdf
{
    /// <summary>A catalog, its page tree and one A4 page, with extra entries for the catalog and the page.</summary>
    public static List<string> OnePage(string catalog = "", string page = "") =>
    [
        $"<< /Type /Catalog /Pages 2 0 R {catalog} >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {page} >>",
    ];

    /// <param name="objects">Object 1, 2, 3… as PDF syntax.</param>
    /// <param name="packed">
    /// Objects written into one Flate-compressed object stream instead of the file; then the cross-reference
    /// is a stream too (PDF 1.5), as most PDFs made today have it.
    /// </param>
    /// <param name="unlisted">Objects written to the file but left out of the cross-reference table.</param>
    public static byte[] Create(IReadOnlyList<string> objects, IReadOnlyCollection<int>? packed = null, IReadOnlyCollection<int>? unlisted = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        packed ??= [];
        unlisted ??= [];
        using var file = new MemoryStream();
        void Write(string text) => file.Write(Encoding.Latin1.GetBytes(text));

        Write(packed.Count > 0 ? "%PDF-1.5\n" : "%PDF-1.4\n");
        // Where each object is: (1, offset in the file) or (2, object stream, index in it); none when unlisted.
        var where = new Dictionary<int, (int Kind, long Value, int Index)>();
        for (var number = 1; number <= objects.Count; number++)
        {
            if (packed.Contains(number))
            {
                continue;
            }

            if (!unlisted.Contains(number))
            {
                where[number] = (1, file.Length, 0);
            }

            Write(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n{objects[number - 1]}\nendobj\n"));
        }

        var last = objects.Count;
        if (packed.Count > 0)
        {
            var stream = ++last;
            var header = new StringBuilder();
            var body = new StringBuilder();
            var index = 0;
            foreach (var number in packed)
            {
                header.Append(CultureInfo.InvariantCulture, $"{number} {body.Length} ");
                body.Append(objects[number - 1]).Append('\n');
                where[number] = (2, stream, index++);
            }

            var compressed = Deflate(Encoding.Latin1.GetBytes(header.ToString() + body));
            where[stream] = (1, file.Length, 0);
            Write(string.Create(CultureInfo.InvariantCulture,
                $"{stream} 0 obj\n<< /Type /ObjStm /N {packed.Count} /First {header.Length} /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n"));
            file.Write(compressed);
            Write("\nendstream\nendobj\n");
        }

        if (packed.Count == 0)
        {
            var table = file.Length;
            Write(string.Create(CultureInfo.InvariantCulture, $"xref\n0 {last + 1}\n0000000000 65535 f \n"));
            for (var number = 1; number <= last; number++)
            {
                Write(where.TryGetValue(number, out var at)
                    ? string.Create(CultureInfo.InvariantCulture, $"{at.Value:D10} 00000 n \n")
                    : "0000000000 65535 f \n");
            }

            Write(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {last + 1} /Root 1 0 R >>\nstartxref\n{table}\n%%EOF\n"));
            return file.ToArray();
        }

        // A cross-reference stream: per object a type byte, four bytes of offset or stream number, two of index.
        var xref = ++last;
        where[xref] = (1, file.Length, 0);
        var rows = new MemoryStream();
        for (var number = 0; number <= last; number++)
        {
            var (kind, value, index) = where.TryGetValue(number, out var at) ? at : (0, 0L, number == 0 ? 65535 : 0);
            rows.WriteByte((byte)kind);
            for (var shift = 24; shift >= 0; shift -= 8)
            {
                rows.WriteByte((byte)(value >> shift));
            }

            rows.WriteByte((byte)(index >> 8));
            rows.WriteByte((byte)index);
        }

        var start = file.Length;
        Write(string.Create(CultureInfo.InvariantCulture,
            $"{xref} 0 obj\n<< /Type /XRef /Size {last + 1} /W [1 4 2] /Root 1 0 R /Length {rows.Length} >>\nstream\n"));
        file.Write(rows.ToArray());
        Write(string.Create(CultureInfo.InvariantCulture, $"\nendstream\nendobj\nstartxref\n{start}\n%%EOF\n"));
        return file.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
