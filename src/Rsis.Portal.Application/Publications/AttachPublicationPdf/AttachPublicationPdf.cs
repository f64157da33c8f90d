using System.Security.Cryptography;
using Rsis.Portal.Application.Publications.ExtractPdfText;

namespace Rsis.Portal.Application.Publications.AttachPublicationPdf;

/// <summary>
/// Attaches (or replaces) the PDF staff uploaded for a publication; readers get it instead of the typeset one.
/// The file is checked by its content, not its name. Its text is read in the background afterwards
/// (<see cref="ExtractPendingPdfText"/>), so the upload answers at once whatever the file's size.
/// </summary>
public sealed record AttachPublicationPdf(int PublicationId, string FileName, byte[] Content)
    : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications];
}

public sealed class AttachPublicationPdfValidator : AbstractValidator<AttachPublicationPdf>
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();

    public AttachPublicationPdfValidator(IUploadedPdfInspector inspector)
    {
        RuleFor(c => c.Content).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose a PDF file to upload.")
            .Must(content => content.Length <= PublicationPdf.MaxUploadBytes)
            .WithMessage($"The PDF is larger than {PublicationPdf.MaxUploadBytes / (1024 * 1024)} MB.")
            .Must(content => content.AsSpan().StartsWith(PdfMagic))
            .WithMessage("This file is not a PDF: its content does not start as a PDF does.")
            // Opened only once it is small enough and starts as a PDF does: opening is the costly check.
            .Custom((content, context) =>
            {
                var inspection = inspector.Inspect(content);
                if (Message(inspection) is { } message)
                {
                    context.AddFailure(message);
                }
            });
        RuleFor(c => c.FileName).MaximumLength(260);
    }

    private static string? Message(UploadedPdfInspection inspection) => inspection.Problem switch
    {
        UploadedPdfProblem.DoesNotOpen =>
            "This file is not a PDF that opens: it starts like one but cannot be read. It may be damaged, password-protected or another kind of file; save it again as a PDF and upload that.",
        UploadedPdfProblem.NoPages => "This PDF has no pages.",
        UploadedPdfProblem.RunsCode =>
            $"This PDF contains {inspection.Found}, which a reader's PDF viewer could run. Save it again as a PDF without it (printing it to a new PDF does this) and upload that.",
        _ => null,
    };
}

public sealed class AttachPublicationPdfHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser, IPdfTextSignal pdfText)
    : ICommandHandler<AttachPublicationPdf, bool>
{
    public async ValueTask<bool> Handle(AttachPublicationPdf command, CancellationToken cancellationToken)
    {
        var code = await db.Publications.Where(p => p.Id == command.PublicationId).Select(p => p.Code).SingleOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            return false;
        }

        var pdf = await db.PublicationPdfs.SingleOrDefaultAsync(
            f => f.PublicationId == command.PublicationId && f.Source == PdfSource.Uploaded, cancellationToken);
        if (pdf is null)
        {
            pdf = new PublicationPdf { PublicationId = command.PublicationId, Source = PdfSource.Uploaded, Content = command.Content, Sha256 = "" };
            db.PublicationPdfs.Add(pdf);
        }

        var changes = new ChangeList();
        changes.Value("Uploaded PDF", pdf.OriginalFileName, $"{Path.GetFileName(command.FileName)} ({FileSizes.DescribeExactly(command.Content.Length)})");
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Publication), command.PublicationId.ToString(CultureInfo.InvariantCulture), code,
            AuditAction.Updated, currentUser.Name, clock.GetUtcNow().UtcDateTime));

        pdf.Content = command.Content;
        pdf.Length = command.Content.Length;
        pdf.Sha256 = Convert.ToHexStringLower(SHA256.HashData(command.Content));
        pdf.OriginalFileName = Path.GetFileName(command.FileName);
        pdf.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        pdf.CreatedBy = currentUser.Name;
        // The old file's text leaves search with it; the new file's joins once it has been read.
        pdf.ExtractedText = null;
        pdf.TextStatus = PdfTextStatus.Pending;
        await db.SaveChangesAsync(cancellationToken);
        pdfText.Raise();
        return true;
    }
}
