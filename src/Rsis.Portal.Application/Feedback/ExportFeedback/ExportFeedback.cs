using System.Runtime.CompilerServices;

namespace Rsis.Portal.Application.Feedback.ExportFeedback;

/// <summary>The entries the feedback page shows for <see cref="Filter"/>, all of them, as CSV lines, newest first.</summary>
public sealed record ExportFeedback(FeedbackFilter Filter) : IQuery<FeedbackExport>;

public sealed class ExportFeedbackValidator : AbstractValidator<ExportFeedback>
{
    public ExportFeedbackValidator() => RuleFor(q => q.Filter).SetValidator(new FeedbackFilterValidator());
}

/// <summary>
/// A dated file name and the lines of the file, header first. The lines are read from the database while they
/// are written out, so a large export never sits whole in memory; enumerate them within the request.
/// </summary>
public sealed record FeedbackExport(string FileName, IAsyncEnumerable<string> Lines);

public sealed record FeedbackExportRow(
    int Id, DateTime SubmittedAtUtc, int Rating, string? Liked, string? CouldImprove, string? Email, string PagePath, string? UserAgent);

public sealed class ExportFeedbackHandler(IPortalDbContext db, TimeProvider clock) : IQueryHandler<ExportFeedback, FeedbackExport>
{
    public ValueTask<FeedbackExport> Handle(ExportFeedback query, CancellationToken cancellationToken)
    {
        var fileName = $"rsis-feedback-{clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return ValueTask.FromResult(new FeedbackExport(fileName, LinesAsync(query.Filter, cancellationToken)));
    }

    private async IAsyncEnumerable<string> LinesAsync(FeedbackFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return FeedbackCsv.Line(FeedbackCsv.Header);
        var rows = filter.Apply(db.Feedback.AsNoTracking())
            .OrderByDescending(f => f.SubmittedAtUtc).ThenByDescending(f => f.Id)
            .Select(f => new FeedbackExportRow(f.Id, f.SubmittedAtUtc, f.Rating, f.Liked, f.CouldImprove, f.Email, f.PagePath, f.UserAgent))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return FeedbackCsv.Line(row);
        }
    }
}
