namespace Rsis.Portal.Domain.Publications;

/// <summary>Where the text of an uploaded PDF stands: it is extracted in the background after the upload.</summary>
public enum PdfTextStatus
{
    /// <summary>Nothing to extract: a typeset PDF, whose text is the publication's body.</summary>
    NotApplicable = 0,

    /// <summary>Uploaded; the text is not extracted yet.</summary>
    Pending = 1,

    /// <summary>The text is extracted and searchable.</summary>
    Extracted = 2,

    /// <summary>The PDF has no text layer (a scan) or its text could not be read.</summary>
    NoTextFound = 3,
}
