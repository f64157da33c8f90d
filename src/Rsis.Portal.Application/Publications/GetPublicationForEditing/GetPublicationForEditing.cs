namespace Rsis.Portal.Application.Publications.GetPublicationForEditing;

/// <summary>A publication as the admin edit page shows it: its fields, its token, and what staff should know about it.</summary>
public sealed record GetPublicationForEditing(int Id) : IQuery<PublicationForEditing?>;

public sealed record PublicationForEditing(
    int Id,
    Guid ConcurrencyToken,
    int SeriesId,
    string Code,
    string Title,
    IReadOnlyList<int> AuthorIds,
    IReadOnlyList<int> CategoryIds,
    DateOnly PublishedOn,
    PublicationStatus Status,
    DateTime? PublishAtUtc,
    string Synopsis,
    string Body,
    string AboutTheAuthors,
    PublicationFacts Facts) : IForEditing<PublicationFacts>
{
    public string Label => Code;
}

/// <summary>What the edit page says beside the form. Readers can open <c>Url</c> only while the publication is public.</summary>
public sealed record PublicationFacts(
    int Id,
    string Code,
    string Title,
    PublicationVisibility Visibility,
    DateTime? PublishAtUtc,
    string Url,
    UploadedPdf? UploadedPdf,
    string? CreatedBy,
    DateTime CreatedAtUtc,
    string? UpdatedBy,
    DateTime UpdatedAtUtc,
    IReadOnlyList<HistoryEntry> History)
{
    public bool IsPublic => Visibility == PublicationVisibility.Public;
    public string PdfUrl => Url + ".pdf";
}

public enum PublicationVisibility
{
    Draft,
    Scheduled,
    Public,
}

/// <summary>
/// The PDF staff uploaded, and whether its text has been read for search yet (<see cref="TextStatus"/>) and
/// how many of its words search finds (<see cref="Words"/>).
/// </summary>
public sealed record UploadedPdf(string? FileName, long Length, DateTime UploadedAtUtc, string? UploadedBy, PdfTextStatus TextStatus, int Words);

public sealed record HistoryEntry(DateTime AtUtc, string ChangedBy, AuditAction Action, IReadOnlyList<AuditFieldChange> Changes);

public sealed class GetPublicationForEditingHandler(IPortalDbContext db, TimeProvider clock) : IQueryHandler<GetPublicationForEditing, PublicationForEditing?>
{
    public const int HistoryLength = 10;

    public async ValueTask<PublicationForEditing?> Handle(GetPublicationForEditing query, CancellationToken cancellationToken)
    {
        var p = await db.Publications.AsNoTracking()
            .Where(p => p.Id == query.Id)
            .Select(p => new
            {
                p.Id,
                p.ConcurrencyToken,
                p.SeriesId,
                SeriesSlug = p.Series.Slug,
                p.Code,
                p.Title,
                p.Slug,
                AuthorIds = p.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId).ToList(),
                CategoryIds = p.Categories.Select(c => c.CategoryId).ToList(),
                p.PublishedOn,
                p.Status,
                p.PublishAtUtc,
                p.Synopsis,
                p.Body,
                p.AboutTheAuthors,
                p.CreatedBy,
                p.CreatedAtUtc,
                p.UpdatedBy,
                p.UpdatedAtUtc,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (p is null)
        {
            return null;
        }

        var uploaded = await db.PublicationPdfs.AsNoTracking()
            .Where(f => f.PublicationId == p.Id && f.Source == PdfSource.Uploaded)
            .Select(f => new { f.OriginalFileName, f.Length, f.CreatedAtUtc, f.CreatedBy, f.TextStatus, f.ExtractedText })
            .SingleOrDefaultAsync(cancellationToken);
        var pdf = uploaded is null ? null : new UploadedPdf(
            uploaded.OriginalFileName, uploaded.Length, uploaded.CreatedAtUtc, uploaded.CreatedBy, uploaded.TextStatus,
            uploaded.ExtractedText is null ? 0 : ReadingTime.Words(uploaded.ExtractedText));
        var history = await HistoryAsync(p.Id, cancellationToken);

        var visibility = p.Status == PublicationStatus.Draft ? PublicationVisibility.Draft
            : p.PublishAtUtc > clock.GetUtcNow().UtcDateTime ? PublicationVisibility.Scheduled
            : PublicationVisibility.Public;
        var facts = new PublicationFacts(
            p.Id, p.Code, p.Title, visibility, p.PublishAtUtc, PortalUrls.Publication(p.SeriesSlug, p.Slug), pdf,
            p.CreatedBy, p.CreatedAtUtc, p.UpdatedBy, p.UpdatedAtUtc, history);
        return new PublicationForEditing(
            p.Id, p.ConcurrencyToken, p.SeriesId, p.Code, p.Title, p.AuthorIds, p.CategoryIds, p.PublishedOn, p.Status,
            p.PublishAtUtc, p.Synopsis, p.Body, p.AboutTheAuthors, facts);
    }

    private async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(int id, CancellationToken cancellationToken)
    {
        var entityId = id.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Publication) && e.EntityId == entityId)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Take(HistoryLength)
            .ToListAsync(cancellationToken);
        return entries.Select(e => new HistoryEntry(e.AtUtc, e.ChangedBy, e.Action, e.Changes)).ToList();
    }
}
