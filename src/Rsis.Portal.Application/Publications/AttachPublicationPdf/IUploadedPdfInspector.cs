namespace Rsis.Portal.Application.Publications.AttachPublicationPdf;

/// <summary>
/// Opens an uploaded file the way a PDF viewer would, before readers are served it as the publication's PDF:
/// a file that merely starts with "%PDF-" can be an HTML page, and a real PDF can run JavaScript when opened.
/// </summary>
public interface IUploadedPdfInspector
{
    UploadedPdfInspection Inspect(byte[] content);
}

public enum UploadedPdfProblem
{
    None,

    /// <summary>It does not open as a PDF: damaged, password-protected, or something else starting like one.</summary>
    DoesNotOpen,
    NoPages,

    /// <summary>It carries JavaScript, a launch action or an XFA form, which viewers may run on opening or on a click.</summary>
    RunsCode,
}

/// <param name="Problem">What keeps the file from being served, or <see cref="UploadedPdfProblem.None"/>.</param>
/// <param name="Found">For <see cref="UploadedPdfProblem.RunsCode"/>, what was found, as staff would name it ("JavaScript").</param>
public sealed record UploadedPdfInspection(UploadedPdfProblem Problem, string? Found = null)
{
    public static readonly UploadedPdfInspection Fine = new(UploadedPdfProblem.None);
}
