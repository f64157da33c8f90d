using System.Collections.Frozen;
using PdfSharp.Fonts;

namespace Rsis.Portal.Infrastructure.Pdf;

/// <summary>
/// Gives PDFsharp the Liberation typefaces shipped in <c>Pdf/Fonts</c> (SIL OFL 1.1, see OFL.txt there):
/// Linux has no fonts PDFsharp can find by itself, and a server's fonts would change the PDF from host to host.
/// </summary>
internal sealed class PublicationFontResolver : IFontResolver
{
    public const string Serif = "Liberation Serif";
    public const string Sans = "Liberation Sans";
    public const string Mono = "Liberation Mono";

    // PDFsharp's font settings are process-wide and may be set only before the first font is used, while
    // hosts (and tests) create renderers many times over: install one resolver, once, whoever asks first.
    private static readonly Lazy<PublicationFontResolver> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    // Only the faces the PDF uses are shipped; the rest are simulated by PDFsharp from the nearest one.
    private static readonly FrozenDictionary<string, Lazy<byte[]>> Faces = new[]
    {
        "LiberationSerif-Regular", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic",
        "LiberationSans-Regular", "LiberationSans-Bold",
        "LiberationMono-Regular",
    }.ToFrozenDictionary(face => face, face => new Lazy<byte[]>(() => ReadFace(face)), StringComparer.Ordinal);

    private PublicationFontResolver() { }

    /// <summary>Makes sure PDFsharp resolves the portal's typefaces; safe to call from any thread, any number of times.</summary>
    public static void EnsureInstalled() => _ = Installed.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Serif => new FontResolverInfo((bold, italic) switch
        {
            (false, false) => "LiberationSerif-Regular",
            (true, false) => "LiberationSerif-Bold",
            (false, true) => "LiberationSerif-Italic",
            (true, true) => "LiberationSerif-BoldItalic",
        }),
        Sans => new FontResolverInfo(bold ? "LiberationSans-Bold" : "LiberationSans-Regular", mustSimulateBold: false, mustSimulateItalic: italic),
        Mono => new FontResolverInfo("LiberationMono-Regular", mustSimulateBold: bold, mustSimulateItalic: italic),
        _ => null,
    };

    public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var face) ? face.Value : null;

    private static PublicationFontResolver Install()
    {
        var resolver = new PublicationFontResolver();
        GlobalFontSettings.FontResolver = resolver;
        return resolver;
    }

    private static byte[] ReadFace(string face)
    {
        var name = $"Pdf/Fonts/{face}.ttf";
        using var stream = typeof(PublicationFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in {typeof(PublicationFontResolver).Assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
