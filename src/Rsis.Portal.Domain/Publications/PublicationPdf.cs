namespace Rsis.Portal.Domain.Publications;

/// <summary>
/// A publication's PDF, kept in the database so that every app node serves the same file: the one staff
/// uploaded, or the one typeset from the publication (remade when what it shows changes).
/// </summary>
public class PublicationPdf
{
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    public int PublicationId { get; set; }
    public Publication Publication { get; set; } = null!;
    public PdfSource Source { get; set; }

    /// <summary>The uploaded file's own name, for staff; readers always download "{code}.pdf".</summary>
    public string? OriginalFileName { get; set; }

    public required byte[] Content { get; set; }
    public long Length { get; set; }

    /// <summary>SHA-256 of the content, hex; the ETag.</summary>
    public required string Sha256 { get; set; }

    /// <summary>For a typeset PDF: the hash of what it shows and of the renderer's version.</summary>
    public string? ContentKey { get; set; }

    /// <summary>For an uploaded PDF: its text, extracted in the background, which the search indexes.</summary>
    public string? ExtractedText { get; set; }
    public PdfTextStatus TextStatus { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
}
