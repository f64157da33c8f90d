using System.Globalization;
using System.Security.Cryptography;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Publications.AttachPublicationPdf;

/// <summary>
/// Attaches (or replaces) the PDF staff uploaded for a publication; readers get it instead of the typeset one.
/// The file is checked by its content, not its name.
/// </summary>
public sealed record AttachPublicationPdf(int PublicationId, string FileName, byte[] Content, string? AttachedBy)
    : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications];
}

public sealed class AttachPublicationPdfValidator : AbstractValidator<AttachPublicationPdf>
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();

    public AttachPublicationPdfValidator()
    {
        RuleFor(c => c.Content)
            .NotEmpty().WithMessage("Choose a PDF file to upload.")
            .Must(content => content.Length <= PublicationPdf.MaxUploadBytes)
            .WithMessage($"The PDF is larger than {PublicationPdf.MaxUploadBytes / (1024 * 1024)} MB.")
            .Must(content => content.AsSpan().StartsWith(PdfMagic))
            .WithMessage("This file is not a PDF: its content does not start as a PDF does.");
        RuleFor(c => c.FileName).MaximumLength(260);
    }
}

public sealed class AttachPublicationPdfHandler(IPortalDbContext db, IClock clock) : ICommandHandler<AttachPublicationPdf, bool>
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
        changes.Value("Uploaded PDF", pdf.OriginalFileName, $"{Path.GetFileName(command.FileName)} ({command.Content.Length:N0} bytes)");
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Publication), command.PublicationId.ToString(CultureInfo.InvariantCulture), code,
            AuditAction.Updated, command.AttachedBy ?? "unknown", clock.UtcNow));

        pdf.Content = command.Content;
        pdf.Length = command.Content.Length;
        pdf.Sha256 = Convert.ToHexStringLower(SHA256.HashData(command.Content));
        pdf.OriginalFileName = Path.GetFileName(command.FileName);
        pdf.CreatedAtUtc = clock.UtcNow;
        pdf.CreatedBy = command.AttachedBy;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
