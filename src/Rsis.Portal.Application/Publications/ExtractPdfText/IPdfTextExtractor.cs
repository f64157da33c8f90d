namespace Rsis.Portal.Application.Publications.ExtractPdfText;

/// <summary>Reads the text layer of an uploaded PDF so that search can find the words inside it.</summary>
public interface IPdfTextExtractor
{
    /// <summary>
    /// The PDF's words, page after page, or null when it has none: a scan (pages that are only images), or a
    /// file that cannot be read. Never throws for what is in the file.
    /// </summary>
    string? Extract(byte[] content);
}

/// <summary>
/// Tells the background reader of PDF text (<see cref="ExtractPendingPdfText"/>) that an upload waits, so it
/// starts now rather than at its next turn. Raising it costs nothing and never waits for the reading.
/// </summary>
public interface IPdfTextSignal
{
    void Raise();
}
