using Rsis.Portal.Application.Publications.GetPublicationForEditing;

namespace Rsis.Portal.Application.Publications.ListPublicationsForEditing;

/// <summary>
/// The admin list of publications, drafts included: searched by title or code, filtered by series and by
/// <see cref="PublicationVisibility"/>, newest first, <see cref="PageSize"/> a page.
/// </summary>
public sealed record ListPublicationsForEditing(string? Q, int? SeriesId, PublicationVisibility? Status, int? Page)
    : IQuery<PublicationsForEditing>
{
    public const int PageSize = 25;
}

public sealed class ListPublicationsForEditingValidator : AbstractValidator<ListPublicationsForEditing>
{
    public ListPublicationsForEditingValidator()
    {
        RuleFor(q => q.Q).MaximumLength(200).WithMessage("Search for at most 200 characters.");
        RuleFor(q => q.Status).IsInEnum().WithMessage("Choose Draft, Scheduled or Public.");
    }
}

public sealed record PublicationsForEditing(IReadOnlyList<PublicationRow> Items, Paging Paging);

public sealed record PublicationRow(
    int Id,
    string Code,
    string Title,
    string SeriesName,
    PublicationVisibility Visibility,
    DateTime? PublishAtUtc,
    DateOnly PublishedOn,
    string? UpdatedBy,
    DateTime UpdatedAtUtc);

public sealed class ListPublicationsForEditingHandler(IPortalDbContext db, TimeProvider clock)
    : IQueryHandler<ListPublicationsForEditing, PublicationsForEditing>
{
    public async ValueTask<PublicationsForEditing> Handle(ListPublicationsForEditing query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var publications = db.Publications.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // LIKE, not Contains: SQLite's instr() would make the search case-sensitive.
            var pattern = "%" + EscapeLike(query.Q.Trim()) + "%";
            publications = publications.Where(p => EF.Functions.Like(p.Title, pattern, "\\") || EF.Functions.Like(p.Code, pattern, "\\"));
        }

        if (query.SeriesId is int seriesId)
        {
            publications = publications.Where(p => p.SeriesId == seriesId);
        }

        publications = query.Status switch
        {
            PublicationVisibility.Draft => publications.Where(p => p.Status == PublicationStatus.Draft),
            PublicationVisibility.Scheduled => publications.Where(p => p.Status == PublicationStatus.Published && p.PublishAtUtc > now),
            PublicationVisibility.Public => publications.WhereVisible(now),
            _ => publications,
        };

        var total = await publications.CountAsync(cancellationToken);
        var paging = Paging.Clamp(query.Page, ListPublicationsForEditing.PageSize, total);
        var items = await publications
            .OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Code)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(p => new PublicationRow(
                p.Id,
                p.Code,
                p.Title,
                p.Series.Name,
                p.Status == PublicationStatus.Draft ? PublicationVisibility.Draft
                    : p.PublishAtUtc > now ? PublicationVisibility.Scheduled
                    : PublicationVisibility.Public,
                p.PublishAtUtc,
                p.PublishedOn,
                p.UpdatedBy,
                p.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        return new PublicationsForEditing(items, paging);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
