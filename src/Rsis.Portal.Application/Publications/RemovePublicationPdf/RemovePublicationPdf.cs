namespace Rsis.Portal.Application.Publications.RemovePublicationPdf;

/// <summary>Removes the uploaded PDF; readers get the one typeset from the publication again.</summary>
public sealed record RemovePublicationPdf(int PublicationId) : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications];
}

public sealed class RemovePublicationPdfValidator : AbstractValidator<RemovePublicationPdf>
{
    public RemovePublicationPdfValidator() => RuleFor(c => c.PublicationId).GreaterThan(0);
}

public sealed class RemovePublicationPdfHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<RemovePublicationPdf, bool>
{
    public async ValueTask<bool> Handle(RemovePublicationPdf command, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.AsNoTracking()
            .Where(p => p.Id == command.PublicationId)
            .Select(p => new { p.Code })
            .SingleOrDefaultAsync(cancellationToken);
        var pdf = await db.PublicationPdfs.SingleOrDefaultAsync(
            f => f.PublicationId == command.PublicationId && f.Source == PdfSource.Uploaded, cancellationToken);
        if (publication is null || pdf is null)
        {
            return publication is not null;
        }

        var changes = new ChangeList();
        changes.Value("Uploaded PDF", pdf.OriginalFileName ?? "(unnamed)", null);
        db.PublicationPdfs.Remove(pdf);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(Publication), command.PublicationId.ToString(CultureInfo.InvariantCulture), publication.Code,
            AuditAction.Updated, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
