using System.Collections.Frozen;
using System.Text;
using Rsis.Portal.Application.Publications.AttachPublicationPdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Rsis.Portal.Infrastructure.Pdf;

/// <summary>
/// Opens an upload with PdfPig: it must open and have a page, and no object in it may carry something a viewer
/// runs. Every object is looked at, wherever it sits: the catalog's /OpenAction and /AA, the /Names tree's
/// /JavaScript, pages' and annotations' actions and any object nothing points at, because which of them a
/// viewer acts on differs from viewer to viewer. Objects are found twice over: through the cross-reference
/// table (which reaches into compressed object streams) and by reading the file from start to end (which
/// also finds objects the table leaves out, as a viewer repairing a file would); a compressed object stream
/// is also unpacked and read for the names themselves, so hiding one in it does not help.
/// </summary>
internal sealed class UploadedPdfInspector : IUploadedPdfInspector
{
    private const string JavaScript = "JavaScript";
    private const string LaunchAction = "a launch action (it starts a program or opens a file)";
    private const string XfaForm = "an XFA form (it carries scripts)";

    /// <summary>Dictionary entries that hold code: an action's script, the names tree's document scripts, an XFA form.</summary>
    private static readonly FrozenDictionary<string, string> CodeEntries = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["JS"] = JavaScript,
        ["JavaScript"] = JavaScript,
        ["XFA"] = XfaForm,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Action types (/S) a viewer runs.</summary>
    private static readonly FrozenDictionary<string, string> RunningActions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["JavaScript"] = JavaScript,
        ["Launch"] = LaunchAction,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Any of those names, as they are looked for in the raw syntax of a compressed object stream.</summary>
    private static readonly FrozenDictionary<string, string> RunningNames =
        CodeEntries.Concat(RunningActions).DistinctBy(e => e.Key).ToFrozenDictionary(StringComparer.Ordinal);

    public UploadedPdfInspection Inspect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var document = PdfDocument.Open(content);
            if (document.NumberOfPages < 1)
            {
                return new UploadedPdfInspection(UploadedPdfProblem.NoPages);
            }

            _ = document.GetPage(1);
            return FindRunningName(document) is { } found
                ? new UploadedPdfInspection(UploadedPdfProblem.RunsCode, found)
                : UploadedPdfInspection.Fine;
        }
#pragma warning disable CA1031 // PdfPig throws many kinds of exception for a damaged file; each means the same to staff.
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new UploadedPdfInspection(UploadedPdfProblem.DoesNotOpen);
        }
    }

    private static string? FindRunningName(PdfDocument document)
    {
        var structure = document.Structure;
        var tokens = new Stack<IToken>();
        foreach (var part in structure.CrossReferenceTable.Parts)
        {
            tokens.Push(part.Dictionary);
        }

        foreach (var reference in structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            tokens.Push(structure.GetObject(reference));
        }

        var scanner = structure.TokenScanner;
        scanner.Seek(0);
        while (scanner.MoveNext())
        {
            if (scanner.CurrentToken is ObjectToken found)
            {
                tokens.Push(found);
            }
        }

        while (tokens.TryPop(out var token))
        {
            switch (token)
            {
                case ObjectToken indirect:
                    tokens.Push(indirect.Data);
                    break;
                case ArrayToken array:
                    foreach (var item in array.Data)
                    {
                        tokens.Push(item);
                    }

                    break;
                case StreamToken stream:
                    tokens.Push(stream.StreamDictionary);
                    if (stream.StreamDictionary.Data.TryGetValue("Type", out var type) && type is NameToken { Data: "ObjStm" }
                        && NameIn(stream.Decode(structure.FilterProvider, scanner).Span) is { } packed)
                    {
                        return packed;
                    }

                    break;
                case DictionaryToken dictionary:
                    foreach (var (key, value) in dictionary.Data)
                    {
                        if (CodeEntries.TryGetValue(key, out var code))
                        {
                            return code;
                        }

                        if (key == "S" && value is NameToken action && RunningActions.TryGetValue(action.Data, out var acting))
                        {
                            return acting;
                        }

                        tokens.Push(value);
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>The first name in raw PDF syntax that runs something, with "#xx" escapes read as a viewer reads them.</summary>
    internal static string? NameIn(ReadOnlySpan<byte> syntax)
    {
        var name = new StringBuilder();
        for (var i = 0; i < syntax.Length; i++)
        {
            if (syntax[i] != '/')
            {
                continue;
            }

            name.Clear();
            var j = i + 1;
            for (; j < syntax.Length && !IsDelimiterOrSpace(syntax[j]); j++)
            {
                if (syntax[j] == '#' && j + 2 < syntax.Length && IsHex(syntax[j + 1]) && IsHex(syntax[j + 2]))
                {
                    name.Append((char)((HexValue(syntax[j + 1]) << 4) | HexValue(syntax[j + 2])));
                    j += 2;
                }
                else
                {
                    name.Append((char)syntax[j]);
                }
            }

            if (RunningNames.TryGetValue(name.ToString(), out var found))
            {
                return found;
            }

            i = j - 1;
        }

        return null;
    }

    private static bool IsDelimiterOrSpace(byte b) =>
        b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%'
            or 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
