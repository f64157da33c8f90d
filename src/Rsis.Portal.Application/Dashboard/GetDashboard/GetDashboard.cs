using Rsis.Portal.Application.Auditing;
using Rsis.Portal.Application.Feedback;
using Rsis.Portal.Application.Feedback.SummarizeFeedback;
using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Dashboard.GetDashboard;

/// <summary>
/// The admin home page: how many publications are public, scheduled and in draft, the feedback of this
/// month (UTC), and what changed lately.
/// </summary>
public sealed record GetDashboard : IQuery<StaffDashboard>;

public sealed record StaffDashboard(
    int Public, int Scheduled, int Drafts, FeedbackFilter FeedbackMonth, FeedbackSummary FeedbackThisMonth, IReadOnlyList<RecentChange> RecentChanges);

/// <summary>A recent change; <see cref="PublicationId"/> is set while the publication still exists.</summary>
public sealed record RecentChange(DateTime AtUtc, string ChangedBy, AuditAction Action, string EntityType, string Label, int? PublicationId)
{
    /// <summary>What kind of item changed, in the audit log's words: "publication", "menu entry".</summary>
    public string EntityName => AuditEntityNames.For(EntityType);
}

public sealed class GetDashboardHandler(IPortalDbContext db, TimeProvider clock) : IQueryHandler<GetDashboard, StaffDashboard>
{
    public const int RecentCount = 8;

    public async ValueTask<StaffDashboard> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var publications = db.Publications.AsNoTracking();
        var recent = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Take(RecentCount)
            .Select(e => new { e.AtUtc, e.ChangedBy, e.Action, e.EntityType, e.EntityId, e.EntityLabel })
            .ToListAsync(cancellationToken);
        var ids = recent.Where(e => e.EntityType == nameof(Publication))
            .Select(e => int.TryParse(e.EntityId, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .ToList();
        var today = DateOnly.FromDateTime(now);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var month = FeedbackFilter.All with
        {
            From = monthStart.ToString(FeedbackFilter.DateFormat, CultureInfo.InvariantCulture),
            To = monthStart.AddMonths(1).AddDays(-1).ToString(FeedbackFilter.DateFormat, CultureInfo.InvariantCulture),
        };
        var existing = (await publications.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();

        return new StaffDashboard(
            await publications.WhereVisible(now).CountAsync(cancellationToken),
            await publications.CountAsync(p => p.Status == PublicationStatus.Published && p.PublishAtUtc > now, cancellationToken),
            await publications.CountAsync(p => p.Status == PublicationStatus.Draft, cancellationToken),
            month,
            await FeedbackSummary.OfAsync(month.Apply(db.Feedback.AsNoTracking()), cancellationToken),
            recent.Select(e => new RecentChange(
                e.AtUtc, e.ChangedBy, e.Action, e.EntityType, e.EntityLabel,
                e.EntityType == nameof(Publication) && int.TryParse(e.EntityId, CultureInfo.InvariantCulture, out var id) && existing.Contains(id) ? id : null))
                .ToList());
    }
}
