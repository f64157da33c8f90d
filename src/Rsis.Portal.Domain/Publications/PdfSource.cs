namespace Rsis.Portal.Domain.Publications;

public enum PdfSource
{
    /// <summary>Typeset by the portal from the publication itself.</summary>
    Generated = 0,

    /// <summary>Uploaded by staff; served instead of the typeset one while it is attached.</summary>
    Uploaded = 1,
}
